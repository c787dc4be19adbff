/**
 * Club-wide member cards end to end: real agents (stores, link socket, card sync over real HTTP)
 * and the real collector, the kiosk's real socket client (docs/privacy.md, "Member cards").
 */
package bg.digiclub.systemtest.cards;

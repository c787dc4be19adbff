package bg.digiclub.kiosk.agentlink;

/** A card just created: its code and its first PIN, shown to staff once. */
public record NewMemberCard(String code, String pin) {}

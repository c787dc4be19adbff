package bg.digiclub.collector.demo;

import bg.digiclub.collector.store.Club;

/** A club of the demo list and how many PCs it has. */
public record DemoClub(Club club, int pcs) {}

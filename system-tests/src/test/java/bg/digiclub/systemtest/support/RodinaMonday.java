package bg.digiclub.systemtest.support;

import static bg.digiclub.common.link.AgeBand.AGE_16_17;
import static bg.digiclub.common.link.AgeBand.AGE_18_24;
import static bg.digiclub.common.link.AgeBand.AGE_30_54;
import static bg.digiclub.common.link.AgeBand.AGE_55_64;
import static bg.digiclub.common.link.AgeBand.AGE_65_74;
import static bg.digiclub.common.link.AgeBand.AGE_75_PLUS;
import static bg.digiclub.common.link.AgeBand.NOT_DECLARED;
import static bg.digiclub.common.link.EndReason.IDLE;
import static bg.digiclub.common.link.EndReason.INTERRUPTED;
import static bg.digiclub.common.link.EndReason.LOGOUT;
import static bg.digiclub.common.link.EndReason.STAFF;
import static bg.digiclub.common.link.EndReason.TIMEOUT;
import static bg.digiclub.common.link.Sex.FEMALE;
import static bg.digiclub.common.link.Sex.MALE;
import static bg.digiclub.common.link.TileCategory.BROWSING;
import static bg.digiclub.common.link.TileCategory.E_GOVERNMENT;
import static bg.digiclub.common.link.TileCategory.FAMILY;
import static bg.digiclub.common.link.TileCategory.HEALTH;
import static bg.digiclub.common.link.TileCategory.LEARNING;
import static bg.digiclub.common.link.TileCategory.PAYMENTS;
import static bg.digiclub.common.link.TileCategory.WRITING;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.Sex;

/**
 * A realistic Monday at the digital club of НЧ „Родина – 1860“ in Стара Загора (from the
 * municipality's announcement): two PCs open 08:30-19:30, 27 sessions of guests and members,
 * every end reason, some sessions running over the hour. The age band x sex table is designed
 * so that some cells are 5 or more (65-74 women 7, 30-54 men 5, not declared 6) and others are
 * small (1 to 3) and must be shown as "<5". Visitors open launcher tiles: 7 sessions use a
 * learning tile (the first opens two and an e-government one), 6 an e-government tile, and the
 * other categories 1 or 2 sessions each ("<5").
 */
public final class RodinaMonday {
    public static final String CLUB = "sz-rodina-1860";
    public static final String CLUB_NAME = "НЧ „Родина – 1860“";
    public static final String PLACE = "Стара Загора";
    public static final LocalDate DAY = LocalDate.of(2026, 11, 2);
    public static final LocalTime OPEN = LocalTime.of(8, 30);
    public static final LocalTime CLOSE = LocalTime.of(19, 30);

    public static final Demographics WOMAN_65 = new Demographics(AGE_65_74, FEMALE);
    public static final Demographics MAN_55 = new Demographics(AGE_55_64, MALE);
    public static final Demographics TEEN = new Demographics(AGE_16_17, Sex.NOT_DECLARED);
    public static final Demographics WOMAN_30 = new Demographics(AGE_30_54, FEMALE);

    /** Member cards issued on PC 0 (1 in the dashboard), with what each member declared. */
    public static final List<Demographics> PC0_MEMBERS = List.of(WOMAN_65, MAN_55, TEEN);
    /** Member cards issued on PC 1. */
    public static final List<Demographics> PC1_MEMBERS = List.of(WOMAN_65, WOMAN_30);

    private RodinaMonday() {}

    public static List<Visit> visits() {
        return visits(DAY);
    }

    /** The same plan on another day. */
    public static List<Visit> visits(LocalDate day) {
        return List.of(
                Visit.guest(0, at(day, 8, 41), 25, AGE_30_54, MALE, LOGOUT).withTiles(LEARNING, LEARNING, E_GOVERNMENT),
                Visit.member(0, at(day, 9, 12), 55, 0, WOMAN_65, LOGOUT).withTiles(FAMILY),
                Visit.guest(0, at(day, 10, 16), 20, NOT_DECLARED, Sex.NOT_DECLARED, IDLE),
                Visit.guest(0, at(day, 10, 38), 47, AGE_65_74, FEMALE, TIMEOUT).withTiles(E_GOVERNMENT, HEALTH),
                Visit.member(0, at(day, 11, 31), 30, 1, MAN_55, LOGOUT).withTiles(PAYMENTS, E_GOVERNMENT),
                Visit.guest(0, at(day, 12, 9), 15, AGE_18_24, FEMALE, LOGOUT),
                Visit.guest(0, at(day, 12, 33), 40, NOT_DECLARED, Sex.NOT_DECLARED, INTERRUPTED)
                        .withTiles(LEARNING),
                Visit.member(0, at(day, 13, 34), 35, 2, TEEN, LOGOUT).withTiles(LEARNING, BROWSING),
                Visit.guest(0, at(day, 14, 17), 60, AGE_30_54, MALE, TIMEOUT).withTiles(E_GOVERNMENT),
                Visit.member(0, at(day, 15, 22), 28, 0, WOMAN_65, LOGOUT),
                Visit.guest(0, at(day, 15, 58), 12, AGE_75_PLUS, MALE, STAFF),
                Visit.guest(0, at(day, 16, 14), 33, NOT_DECLARED, Sex.NOT_DECLARED, LOGOUT),
                Visit.member(0, at(day, 16, 53), 44, 1, MAN_55, IDLE).withTiles(LEARNING),
                Visit.guest(0, at(day, 17, 46), 70, AGE_65_74, FEMALE, LOGOUT).withTiles(FAMILY, LEARNING),
                Visit.guest(1, at(day, 8, 52), 38, AGE_65_74, FEMALE, LOGOUT).withTiles(LEARNING),
                Visit.guest(1, at(day, 9, 37), 22, AGE_30_54, MALE, LOGOUT),
                Visit.member(1, at(day, 10, 3), 65, 0, WOMAN_65, TIMEOUT).withTiles(HEALTH),
                Visit.guest(1, at(day, 11, 14), 16, NOT_DECLARED, Sex.NOT_DECLARED, IDLE),
                Visit.guest(1, at(day, 11, 41), 27, AGE_30_54, MALE, LOGOUT).withTiles(E_GOVERNMENT, WRITING),
                Visit.member(1, at(day, 12, 19), 31, 1, WOMAN_30, LOGOUT),
                Visit.guest(1, at(day, 13, 2), 45, AGE_18_24, FEMALE, LOGOUT).withTiles(LEARNING, LEARNING),
                Visit.guest(1, at(day, 13, 55), 25, NOT_DECLARED, Sex.NOT_DECLARED, INTERRUPTED),
                Visit.guest(1, at(day, 14, 40), 19, AGE_55_64, MALE, LOGOUT),
                Visit.guest(1, at(day, 15, 5), 50, AGE_30_54, MALE, STAFF).withTiles(E_GOVERNMENT),
                Visit.member(1, at(day, 16, 7), 14, 1, WOMAN_30, LOGOUT),
                Visit.guest(1, at(day, 16, 29), 36, AGE_65_74, FEMALE, LOGOUT),
                Visit.guest(1, at(day, 17, 12), 48, NOT_DECLARED, Sex.NOT_DECLARED, LOGOUT));
    }

    private static LocalDateTime at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute);
    }
}

package bg.digiclub.installer.linux;

import java.util.List;

/** The paths of an installed Linux club PC (plan of issue 10, docs/security.md). */
public final class Layout {
    public static final String OPT = "/opt/digiclub";
    public static final List<String> PROGRAMS = List.of("agent", "kiosk", "installer");
    public static final String ETC = "/etc/digiclub";
    public static final String AGENT_PROPERTIES = ETC + "/agent.properties";
    public static final String KIOSK_PROPERTIES = ETC + "/kiosk.properties";
    public static final String CDS_ENV = ETC + "/agent-cds.env";
    public static final String ENROLMENT_STATE = ETC + "/enrolment";
    public static final String ENROL_CODE = ETC + "/enrol-code";
    public static final String JVM_OPTIONS = OPT + "/agent/agent.jvm-options";
    public static final String KIOSK_JVM_OPTIONS = OPT + "/kiosk/kiosk.jvm-options";
    /** The visitor's untrusted X cookie, made by the session (digiclub-session) at every start. */
    public static final String VISITOR_XAUTHORITY = "/run/digiclub-session/visitor.xauth";

    public static final String CDS_ARCHIVE = OPT + "/agent/digiclub-agent.jsa";
    /** The kiosk's class-data archive; digiclub-kiosk-xsession uses it when it is there. */
    public static final String KIOSK_CDS_ARCHIVE = OPT + "/kiosk/digiclub-kiosk.jsa";

    public static final String DATA = "/var/lib/digiclub";
    public static final String LOGS = "/var/log/digiclub";
    public static final String SOCKET = "/run/digiclub/agent.sock";
    public static final String UNIT = "/etc/systemd/system/digiclub-agent.service";
    public static final String UNIT_NAME = "digiclub-agent.service";
    public static final String WANTS = "/etc/systemd/system/multi-user.target.wants";

    private Layout() {}

    public static String jar(String program) {
        return OPT + "/" + program + "/digiclub-" + program + ".jar";
    }

    public static String lib(String program) {
        return OPT + "/" + program + "/lib";
    }
}

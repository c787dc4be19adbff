package bg.digiclub.agent;

/** Entry point of the agent. */
public final class AgentMain {
    private AgentMain() {
    }

    public static void main(String[] args) {
        System.exit(2);
    }
}

package bg.digiclub.common.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/**
 * A PC asks to be enrolled with its club's enrolment code ({@code POST /api/v1/enrolments}).
 * Nothing about the PC itself is sent: no host name, no serial, no address.
 *
 * @param enrolmentCode    the club's code as staff typed it, {@link BatchLimits#ENROLMENT_CODE}
 * @param agentVersion     the agent's version
 * @param previousDeviceId on re-enrolment (after 401/403), the device id the agent had, so that
 *                         batches already sealed with it are accepted; null on first enrolment
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnrolmentRequest(String enrolmentCode, String agentVersion, UUID previousDeviceId) {
    public EnrolmentRequest {
        Require.matches(enrolmentCode, BatchLimits.ENROLMENT_CODE, "enrolmentCode");
        Require.matches(agentVersion, BatchLimits.AGENT_VERSION, "agentVersion");
    }

    /** Leaves the enrolment code out, so that logging a request never reveals it. */
    @Override
    public String toString() {
        return "EnrolmentRequest[agentVersion=" + agentVersion + ", previousDeviceId=" + previousDeviceId + "]";
    }
}

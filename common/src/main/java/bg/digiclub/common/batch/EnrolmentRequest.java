package bg.digiclub.common.batch;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A PC asks to be enrolled with its club's enrolment code ({@code POST /api/v1/enrolments}).
 * Nothing about the PC itself is sent: no host name, no serial, no address.
 *
 * @param enrolmentCode    the club's code as staff typed it, {@link BatchLimits#ENROLMENT_CODE}
 * @param agentVersion     the agent's version
 * @param previousDeviceId on re-enrolment (after 401/403), the device id the agent had, so that
 *                         batches already sealed with it are accepted; null on first enrolment
 * @param requestKey       a random secret (64 hex digits, {@link BatchLimits#ENROLMENT_REQUEST_KEY}) the agent
 *                         generates once per enrolment and stores before the first attempt: a
 *                         retry whose answer was lost gets the same device and token, not a
 *                         second device. A secret like the token (it unlocks the token's answer):
 *                         never logged. Null from agents that predate it (no repeat is recognised)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnrolmentRequest(String enrolmentCode, String agentVersion, UUID previousDeviceId, String requestKey) {
    public EnrolmentRequest {
        Require.matches(enrolmentCode, BatchLimits.ENROLMENT_CODE, "enrolmentCode");
        Require.matches(agentVersion, BatchLimits.AGENT_VERSION, "agentVersion");
        if (requestKey != null) {
            Require.matches(requestKey, BatchLimits.ENROLMENT_REQUEST_KEY, "requestKey");
        }
    }

    /** Leaves the enrolment code and the request key out, so that logging a request never reveals them. */
    @Override
    public String toString() {
        return "EnrolmentRequest[agentVersion=" + agentVersion + ", previousDeviceId=" + previousDeviceId
                + ", requestKey=" + (requestKey == null ? "none" : "set") + "]";
    }
}

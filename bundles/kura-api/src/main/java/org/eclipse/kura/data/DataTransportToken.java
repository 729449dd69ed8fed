package org.eclipse.kura.data;

import java.util.Objects;

import org.osgi.annotation.versioning.ProviderType;

/** The receipt of a publish: message id and session id, matched against the later confirmation. */
@ProviderType
public class DataTransportToken {

    private final int messageId;
    private final String sessionId;

    public DataTransportToken(int messageId, String sessionId) {
        super();
        this.messageId = messageId;
        this.sessionId = sessionId;
    }

    public int getMessageId() {
        return this.messageId;
    }

    public String getSessionId() {
        return this.sessionId;
    }

    @Override
    public int hashCode() {
        return 31 * (31 + this.messageId) + (this.sessionId == null ? 0 : this.sessionId.hashCode());
    }

    @Override
    public boolean equals(Object obj) {
        if (this == obj) {
            return true;
        }
        if (obj == null || getClass() != obj.getClass()) {
            return false;
        }
        DataTransportToken other = (DataTransportToken) obj;
        return this.messageId == other.messageId && Objects.equals(this.sessionId, other.sessionId);
    }
}

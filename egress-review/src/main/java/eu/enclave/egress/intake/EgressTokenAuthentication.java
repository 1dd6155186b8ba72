package eu.enclave.egress.intake;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A call authenticated by an active egress token. Carries no role: the intake's own rules decide. */
final class EgressTokenAuthentication extends AbstractAuthenticationToken {

    private final IntakeCaller caller;

    EgressTokenAuthentication(IntakeCaller caller) {
        super(List.of());
        this.caller = caller;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return caller.token();
    }

    @Override
    public IntakeCaller getPrincipal() {
        return caller;
    }

    @Override
    public String getName() {
        return caller.owner().username();
    }
}

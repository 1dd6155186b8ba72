package eu.enclave.platform.security;

import eu.enclave.platform.identity.CurrentUser;
import eu.enclave.platform.identity.UserDirectory;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is making this request, recorded in the user directory as a side effect of asking. */
public class CurrentUsers {

    private final IdentityExtractor extractor;
    private final UserDirectory directory;

    public CurrentUsers(IdentityExtractor extractor, UserDirectory directory) {
        this.extractor = extractor;
        this.directory = directory;
    }

    public Optional<CurrentUser> current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    public Optional<CurrentUser> of(Authentication authentication) {
        return extractor.extract(authentication).map(directory::record);
    }
}

package eu.enclave.egress.release.keys;

import eu.enclave.egress.release.pack.ReleaseKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The public keys a package may have been signed with: the current one and the past ones, read at startup.
 *
 * @param demo whether the current key is demo mode's generated key
 */
public record ReleaseKeyring(ReleaseKey current, boolean demo, List<ReleaseKey> past) {

    public ReleaseKeyring {
        past = List.copyOf(past);
    }

    /** Current first, then past keys, most recent first. */
    public List<ReleaseKey> all() {
        List<ReleaseKey> keys = new ArrayList<>();
        List<ReleaseKey> older = new ArrayList<>(past);
        Collections.reverse(older);
        keys.add(current);
        keys.addAll(older);
        return keys;
    }
}

package eu.enclave.platform.identity;

import eu.enclave.platform.security.DemoProperties;
import eu.enclave.platform.security.IdentityExtractor;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;

/** Records the demo users at startup, so that they can be added to projects before they first sign in. */
public class DemoUserSeeder implements ApplicationRunner, Ordered {

    public static final int ORDER = 0;

    private final DemoProperties demo;
    private final UserDirectory directory;

    public DemoUserSeeder(DemoProperties demo, UserDirectory directory) {
        this.demo = demo;
        this.directory = directory;
    }

    @Override
    public void run(ApplicationArguments args) {
        demo.users().forEach(user -> directory.record(IdentityExtractor.fromDemo(user)));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}

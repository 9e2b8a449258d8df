package io.animops.operator.publish;

/** The platform refused the stored refresh token for good (invalid_grant): a person must sign in again. */
public class ReauthorizationRequiredException extends RuntimeException {
    private final PlatformAccount account;

    public ReauthorizationRequiredException(PlatformAccount account, String platformMessage) {
        super("the " + account.platform() + " account in Secret " + account.key() + " must be signed in again ("
                + platformMessage + "): run `java -jar quarkus-run.jar " + LoginCommand.commandOf(account.platform())
                + " --namespace " + account.namespace() + " --secret " + account.secretName() + "`");
        this.account = account;
    }

    public PlatformAccount account() {
        return account;
    }
}

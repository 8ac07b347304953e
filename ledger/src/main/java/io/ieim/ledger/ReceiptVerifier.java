package io.ieim.ledger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Map;

/**
 * Verifies a receipt offline: {@code java -jar ieim-ledger.jar FILE --public-key KEY} where KEY is the
 * base64 Ed25519 public key or a file holding it. Exit 0 when it verifies, 1 when it does not, 2 on bad
 * input; one line of output either way. The ledger jar has no dependencies.
 */
public final class ReceiptVerifier {

    private ReceiptVerifier() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        if (args.length != 3 || !"--public-key".equals(args[1])) {
            System.err.println("usage: verify-receipt FILE --public-key KEY");
            return 2;
        }
        Receipt receipt;
        PublicKey key;
        try {
            receipt = Receipt.parse(Files.readString(Path.of(args[0])));
            Path keyFile = Path.of(args[2]);
            key = Ed25519Keys.publicKey(Files.isRegularFile(keyFile) ? Files.readString(keyFile) : args[2]);
        } catch (Exception e) {
            System.err.println("receipt: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return 2;
        }
        VerificationResult result = receipt.verify(Map.of(Ed25519Keys.keyId(key), key));
        if (!result.valid()) {
            System.err.println("receipt of " + receipt.messageId() + " does not verify: " + result.reason());
            return 1;
        }
        System.out.println("receipt of " + receipt.messageId() + " verifies: " + receipt.items().size()
                + " audit entries in " + receipt.heads().size() + " signed tree heads");
        return 0;
    }
}

package io.ieim.ledger;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/**
 * Ed25519 keys for signing tree heads (the JDK's own implementation, RFC 8032). Keys travel as
 * base64 of their standard encodings (PKCS#8 private, X.509 SubjectPublicKeyInfo public); a key's id
 * is the first 16 hex characters of SHA-256 over its public encoding, so rotation needs no registry.
 */
public final class Ed25519Keys {

    private Ed25519Keys() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available in this JDK", e);
        }
    }

    public static String keyId(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String encode(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static String encode(PrivateKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64.trim())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a base64 Ed25519 public key", e);
        }
    }

    public static PrivateKey privateKey(String base64) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64.trim())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a base64 Ed25519 private key", e);
        }
    }

    /** Signs a tree head with the key; the head's key id is the key's. */
    public static SignedTreeHead sign(String chainId, long treeSize, byte[] rootHash, byte[] prevAnchorHash,
                                      long signedAtMillis, KeyPair key) {
        SignedTreeHead unsigned = new SignedTreeHead(chainId, treeSize, rootHash, prevAnchorHash, signedAtMillis,
                keyId(key.getPublic()), null);
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key.getPrivate());
            signer.update(unsigned.signedBytes());
            return new SignedTreeHead(chainId, treeSize, rootHash, prevAnchorHash, signedAtMillis,
                    unsigned.keyId(), signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    /** Checks the signature with the trusted key of the head's key id; never throws for bad input. */
    public static VerificationResult verify(SignedTreeHead head, Map<String, PublicKey> trustedKeys) {
        PublicKey key = trustedKeys.get(head.keyId());
        if (key == null) {
            return VerificationResult.fail("tree head of " + head.chainId() + " at size " + head.treeSize()
                    + " is signed with unknown key " + head.keyId());
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(head.signedBytes());
            return verifier.verify(head.signature()) ? VerificationResult.ok()
                    : VerificationResult.fail("bad signature on the tree head of " + head.chainId() + " at size " + head.treeSize());
        } catch (GeneralSecurityException e) {
            return VerificationResult.fail("bad signature on the tree head of " + head.chainId() + " at size "
                    + head.treeSize() + ": " + e.getClass().getSimpleName());
        }
    }
}

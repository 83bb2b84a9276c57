package io.certguard.bundle;

import java.math.BigInteger;
import java.util.Optional;
import org.bouncycastle.asn1.misc.MiscObjectIdentifiers;
import org.bouncycastle.asn1.misc.ScryptParams;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBEParameter;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * Bounds the work of decrypting an encrypted PKCS#8 key: its password-based encryption names its own cost (PBKDF2
 * iterations, scrypt's N and r; RFC 8018, RFC 7914), and a secret asking for billions of iterations would otherwise
 * run the function into its timeout. OpenSSL writes 2,048 PBKDF2 iterations, or scrypt N=16,384 r=8.
 */
final class EncryptionCost {

    static final long MAX_ITERATIONS = 1_000_000;
    /** scrypt needs 128·N·r bytes: 2^20 keeps that at 128 MiB. */
    static final long MAX_SCRYPT_N_TIMES_R = 1L << 20;

    private EncryptionCost() {
    }

    /** A description of the cost when it is beyond the bounds, such as {@code 50,000,000 PBKDF2 iterations}. */
    static Optional<String> excessive(AlgorithmIdentifier encryption) {
        try {
            if (PKCSObjectIdentifiers.id_PBES2.equals(encryption.getAlgorithm())) {
                KeyDerivationFunc kdf = PBES2Parameters.getInstance(encryption.getParameters()).getKeyDerivationFunc();
                if (PKCSObjectIdentifiers.id_PBKDF2.equals(kdf.getAlgorithm())) {
                    return iterations(PBKDF2Params.getInstance(kdf.getParameters()).getIterationCount(), "PBKDF2");
                }
                if (MiscObjectIdentifiers.id_scrypt.equals(kdf.getAlgorithm())) {
                    ScryptParams scrypt = ScryptParams.getInstance(kdf.getParameters());
                    BigInteger work = scrypt.getCostParameter().multiply(scrypt.getBlockSize());
                    return work.compareTo(BigInteger.valueOf(MAX_SCRYPT_N_TIMES_R)) > 0
                            ? Optional.of("scrypt with N=" + scrypt.getCostParameter() + " and r=" + scrypt.getBlockSize())
                            : Optional.empty();
                }
                return Optional.empty();
            }
            // PKCS#5 v1.5 and PKCS#12 password-based encryption share the shape SEQUENCE { salt, iterations }.
            return iterations(PBEParameter.getInstance(encryption.getParameters()).getIterationCount(), "PBE");
        } catch (RuntimeException e) {
            return Optional.empty(); // parameters of another shape: the decryption itself will judge them
        }
    }

    private static Optional<String> iterations(BigInteger count, String kdf) {
        return count.compareTo(BigInteger.valueOf(MAX_ITERATIONS)) > 0
                ? Optional.of((count.bitLength() < 63 ? Describe.count(count.longValue()) : count.toString()) + " " + kdf
                        + " iterations")
                : Optional.empty();
    }
}

package io.ieim.domain.mail;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;

/**
 * UTF-7 (RFC 2152), decode only. The JDK ships no UTF-7 charset, yet old Outlook versions and some
 * mobile clients still label mail with it; without a decoder the text keeps its "+AOQ-" escapes.
 */
final class Utf7Charset extends Charset {

    static final Utf7Charset INSTANCE = new Utf7Charset();

    private Utf7Charset() {
        super("UTF-7", new String[]{"unicode-1-1-utf-7", "x-utf-7"});
    }

    @Override
    public boolean contains(Charset cs) {
        return cs == this;
    }

    @Override
    public CharsetDecoder newDecoder() {
        return new Decoder(this);
    }

    @Override
    public CharsetEncoder newEncoder() {
        throw new UnsupportedOperationException("UTF-7 is decoded only");
    }

    @Override
    public boolean canEncode() {
        return false;
    }

    private static int base64Value(int b) {
        if (b >= 'A' && b <= 'Z') {
            return b - 'A';
        }
        if (b >= 'a' && b <= 'z') {
            return b - 'a' + 26;
        }
        if (b >= '0' && b <= '9') {
            return b - '0' + 52;
        }
        return b == '+' ? 62 : b == '/' ? 63 : -1;
    }

    private static final class Decoder extends CharsetDecoder {
        private boolean inBase64;
        private boolean justShifted;
        private int bits;
        private int bitCount;

        Decoder(Charset cs) {
            super(cs, 1.0f, 1.0f);
        }

        @Override
        protected void implReset() {
            inBase64 = false;
            justShifted = false;
            bits = 0;
            bitCount = 0;
        }

        @Override
        protected CoderResult decodeLoop(ByteBuffer in, CharBuffer out) {
            while (in.hasRemaining()) {
                if (!out.hasRemaining()) {
                    return CoderResult.OVERFLOW;
                }
                int b = in.get() & 0xFF;
                if (inBase64) {
                    int v = base64Value(b);
                    if (v >= 0) {
                        justShifted = false;
                        bits = bits << 6 | v;
                        bitCount += 6;
                        if (bitCount >= 16) {
                            bitCount -= 16;
                            out.put((char) (bits >>> bitCount & 0xFFFF));
                            bits &= (1 << bitCount) - 1;
                        }
                        continue;
                    }
                    inBase64 = false;
                    bits = 0;
                    bitCount = 0;
                    if (b == '-') {
                        if (justShifted) {
                            out.put('+'); // "+-" is a literal plus
                        }
                        justShifted = false;
                        continue; // the minus only ends the base64 run
                    }
                    justShifted = false;
                }
                if (b == '+') {
                    inBase64 = true;
                    justShifted = true;
                } else if (b < 0x80) {
                    out.put((char) b);
                } else {
                    in.position(in.position() - 1);
                    return CoderResult.malformedForLength(1);
                }
            }
            return CoderResult.UNDERFLOW;
        }
    }
}

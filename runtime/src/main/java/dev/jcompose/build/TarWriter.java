package dev.jcompose.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Writes a deterministic tar stream: ustar headers, a PAX extended header only for what ustar cannot
 * hold (long or non-ASCII names, big ids, sizes or times, extended attributes), no user or group names,
 * and no padding beyond the two end blocks. Written here rather than with commons-compress because PAX
 * values must be raw bytes: {@code security.capability} is binary and would not survive a String.
 */
final class TarWriter {
    private static final int BLOCK = 512;
    private static final long MAX_OCTAL_7 = 07777777L;
    private static final long MAX_OCTAL_11 = 077777777777L;

    private final OutputStream out;

    TarWriter(OutputStream out) {
        this.out = out;
    }

    /** Writes an entry; a regular file's {@code content} must yield exactly {@code e.size()} bytes. */
    void add(TarEntry e, InputStream content) throws IOException {
        SortedMap<String, byte[]> pax = paxRecords(e);
        if (!pax.isEmpty()) {
            byte[] body = paxBody(pax);
            out.write(header(paxName(e.name()), 'x', 0644, 0, 0, body.length, 0, "", 0, 0));
            out.write(body);
            pad(body.length);
        }
        out.write(header(
                e.name(),
                e.type(),
                e.mode(),
                e.uid(),
                e.gid(),
                e.size(),
                e.mtime(),
                e.linkName(),
                e.devMajor(),
                e.devMinor()));
        if (e.type() == TarEntry.FILE && e.size() > 0) {
            long copied = copy(content, e.size());
            if (copied != e.size()) {
                throw new IOException(
                        e.name() + " changed size while it was archived (" + e.size() + " bytes, then " + copied + ")");
            }
            pad(e.size());
        }
    }

    /** The end of the archive: two zero blocks. */
    void finish() throws IOException {
        out.write(new byte[2 * BLOCK]);
        out.flush();
    }

    private long copy(InputStream in, long size) throws IOException {
        byte[] buf = new byte[1 << 16];
        long left = size;
        while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                break;
            }
            out.write(buf, 0, n);
            left -= n;
        }
        if (left == 0 && in.read() >= 0) {
            return size + 1;
        }
        return size - left;
    }

    private void pad(long written) throws IOException {
        int rest = (int) (written % BLOCK);
        if (rest != 0) {
            out.write(new byte[BLOCK - rest]);
        }
    }

    private static SortedMap<String, byte[]> paxRecords(TarEntry e) {
        SortedMap<String, byte[]> pax = new TreeMap<>();
        if (!fitsUstar(e.name())) {
            pax.put("path", utf8(e.name()));
        }
        if (!fitsUstar(e.linkName())) {
            pax.put("linkpath", utf8(e.linkName()));
        }
        putIfOver(pax, "uid", e.uid(), MAX_OCTAL_7);
        putIfOver(pax, "gid", e.gid(), MAX_OCTAL_7);
        putIfOver(pax, "size", e.size(), MAX_OCTAL_11);
        putIfOver(pax, "mtime", e.mtime(), MAX_OCTAL_11);
        putIfOver(pax, "SCHILY.devmajor", e.devMajor(), MAX_OCTAL_7);
        putIfOver(pax, "SCHILY.devminor", e.devMinor(), MAX_OCTAL_7);
        for (Map.Entry<String, byte[]> x : e.xattrs().entrySet()) {
            pax.put("SCHILY.xattr." + x.getKey(), x.getValue());
        }
        return pax;
    }

    private static void putIfOver(SortedMap<String, byte[]> pax, String key, long value, long max) {
        if (value < 0 || value > max) {
            pax.put(key, utf8(Long.toString(value)));
        }
    }

    private static boolean fitsUstar(String s) {
        return s.length() <= 100 && s.chars().allMatch(c -> c > 0 && c < 0x80);
    }

    /** {@code "<length> <key>=<value>\n"} per record, the length counting its own digits. */
    static byte[] paxBody(SortedMap<String, byte[]> records) {
        var body = new java.io.ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> r : records.entrySet()) {
            int rest = utf8(r.getKey()).length + r.getValue().length + 3; // ' ', '=', '\n'
            int len = rest + Integer.toString(rest).length();
            if (Integer.toString(len).length() != Integer.toString(rest).length()) {
                len++; // adding the digits added a digit
            }
            body.writeBytes(utf8(len + " " + r.getKey() + "="));
            body.writeBytes(r.getValue());
            body.write('\n');
        }
        return body.toByteArray();
    }

    private static String paxName(String name) {
        String trimmed = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        String base = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        StringBuilder ascii = new StringBuilder("PaxHeaders.0/");
        base.chars().filter(c -> c > 0x20 && c < 0x7f).limit(80).forEach(c -> ascii.append((char) c));
        return ascii.toString();
    }

    private static byte[] header(
            String name,
            char type,
            int mode,
            long uid,
            long gid,
            long size,
            long mtime,
            String link,
            int major,
            int minor) {
        byte[] h = new byte[BLOCK];
        ascii(h, 0, 100, name);
        octal(h, 100, 8, mode);
        octal(h, 108, 8, uid);
        octal(h, 116, 8, gid);
        octal(h, 124, 12, size);
        octal(h, 136, 12, mtime);
        h[156] = (byte) type;
        ascii(h, 157, 100, link);
        System.arraycopy("ustar\0".getBytes(StandardCharsets.US_ASCII), 0, h, 257, 6);
        h[263] = '0';
        h[264] = '0';
        if (type == TarEntry.CHAR_DEVICE || type == TarEntry.BLOCK_DEVICE) {
            octal(h, 329, 8, major);
            octal(h, 337, 8, minor);
        }
        Arrays.fill(h, 148, 156, (byte) ' ');
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        byte[] chk = String.format("%06o", sum).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(chk, 0, h, 148, 6);
        h[154] = 0;
        return h;
    }

    /** Writes the ASCII characters of {@code s} that fit; a PAX record carries the real value. */
    private static void ascii(byte[] h, int off, int len, String s) {
        int i = 0;
        for (char c : s.toCharArray()) {
            if (i == len) {
                break;
            }
            h[off + i++] = (byte) (c < 0x80 ? c : '_');
        }
    }

    /** Zero-padded octal and a NUL; a value that does not fit (PAX holds it) is written as 0. */
    private static void octal(byte[] h, int off, int len, long v) {
        long max = (1L << (3 * (len - 1))) - 1;
        String s = Long.toOctalString(v < 0 || v > max ? 0 : v);
        byte[] digits = ("0".repeat(len - 1 - s.length()) + s).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(digits, 0, h, off, len - 1);
        h[off + len - 1] = 0;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

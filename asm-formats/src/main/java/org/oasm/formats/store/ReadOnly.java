package org.oasm.formats.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * Makes store files read-only and tells whether one still is. On POSIX systems the permission
 * bits are checked rather than {@code Files.isWritable}, which is always true for root.
 */
final class ReadOnly {

    private static final Set<PosixFilePermission> WRITE = EnumSet.of(PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

    private ReadOnly() {
    }

    static void apply(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view != null) {
            Set<PosixFilePermission> perms = EnumSet.copyOf(view.readAttributes().permissions());
            perms.removeAll(WRITE);
            view.setPermissions(perms);
        } else if (!file.toFile().setReadOnly()) {
            throw new IOException("cannot make " + file + " read-only");
        }
    }

    static boolean isReadOnly(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view != null) {
            return view.readAttributes().permissions().stream().noneMatch(WRITE::contains);
        }
        return !Files.isWritable(file);
    }
}

package io.csdsim.cli;

import io.csdsim.models.InvalidInputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The files one command writes. Each is checked when it is added, before any work starts (a
 * directory, an unwritable place, two options naming one file and an output that is one of the
 * command's inputs are refused); its content goes to a staging file; {@link #publish()} puts every
 * output in place only once all of them are written, so a failed run leaves what was there before.
 *
 * <p>A regular file (or a path that does not exist yet) is replaced by renaming the staging file
 * beside it, keeping the old file's permissions. A symbolic link is followed: its target is what is
 * replaced, and the link stays. A device, FIFO or socket is written in place, never turned into a
 * regular file. Closing without publishing deletes the staging files, and so does the JVM's exit
 * when a signal ends the run before it closes.
 */
final class OutputFiles implements AutoCloseable
{
    /** Guards against symbolic-link loops. */
    private static final int MAX_LINKS = 40;

    private final List<Output> outputs = new ArrayList<>();
    private final List<Path> inputs = new ArrayList<>();

    /** An input of the command, which no output may overwrite. */
    OutputFiles input(final Path path)
    {
        if (path != null && Files.exists(path))
        {
            inputs.add(path);
        }
        return this;
    }

    /** The model, network or program file of the command and, for a model file, the weights file it names: inputs both. */
    OutputFiles model(final Path path)
    {
        input(path);
        // Only a model file names weights: a program, a network file, a NIR or SANA-FE file is not read for them.
        if (path != null && Files.isRegularFile(path) && !io.csdsim.library.NetworkSources.isProgram(path)
            && io.csdsim.library.NetworkSources.of(path) == io.csdsim.library.NetworkSources.MODEL_FILE)
        {
            input(io.csdsim.models.format.ModelFileReader.weightsFile(path));
        }
        return this;
    }

    /** The chip a command targets, when it is a file (a chip JSON, a report, a SANA-FE architecture) rather than a preset. */
    OutputFiles chip(final String chip)
    {
        if (chip != null && !io.csdsim.isa.spec.ChipSpecs.PRESETS.contains(chip))
        {
            try
            {
                input(Path.of(chip));
            }
            catch (final java.nio.file.InvalidPathException notAFile)
            {
                // Not a path: resolving the chip says what it is not.
            }
        }
        return this;
    }

    /** Says, on {@code out}, each output written (those given: null is an output not asked for). */
    static void sayWritten(final java.io.PrintWriter out, final Path... written)
    {
        for (final Path p : written)
        {
            if (p != null)
            {
                out.println("wrote " + p);
            }
        }
    }

    /**
     * Reserves the provenance sidecar of a CSV output ({@code FILE.csv.provenance.json}), published with
     * the rest; none for a special output (a device or FIFO has no folder to put it beside), or null.
     */
    Output sidecar(final Output csv)
    {
        if (csv == null || csv.special)
        {
            return null;
        }
        return add(csv.option + " (its provenance sidecar)", io.csdsim.simulator.report.Provenance.sidecarOf(csv.target));
    }

    /**
     * Checks an output at once and reserves its staging file.
     *
     * @param option the option that names it, for messages.
     * @param path where it goes; null means the option was not given, and null is returned.
     */
    Output add(final String option, final Path path)
    {
        if (path == null)
        {
            return null;
        }
        final Path target = followLinks(option, path);
        final String src = option + " " + path;
        if (Files.isDirectory(target))
        {
            throw new InvalidInputException(src, "", "is a directory; expected a file name");
        }
        final boolean exists = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
        final boolean special = exists && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS);
        for (final Output o : outputs)
        {
            if (sameFile(o.target, target))
            {
                throw new InvalidInputException(src, "", "is also the output of " + o.option + "; give each output its own file");
            }
        }
        for (final Path in : inputs)
        {
            if (sameFile(in, target) && !special)
            {
                throw new InvalidInputException(src, "", "is an input of this command; writing there would destroy it");
            }
        }
        if (exists && !Files.isWritable(target))
        {
            throw new InvalidInputException(src, "", "is not writable");
        }
        final Output out;
        try
        {
            if (special)
            {
                // As for a regular output, registered for deletion at exit before it exists (createTempFile
                // would make it first); owner-only, as createTempFile's.
                final Path staging = specialStaging();
                out = new Output(option, path, target, staging, true);
            }
            else
            {
                final Path dir = existingAncestor(src, target.toAbsolutePath().getParent());
                final Path staging = dir.resolve("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-" + outputs.size());
                // Not createTempFile: its owner-only permissions would stick to the output.
                // A run stopped by a signal (Ctrl-C, kill) runs no close(): the JVM's exit removes what is still staged.
                // Registered before the file exists, so that no signal can find the file made and not yet registered
                // (registering during the shutdown that signal starts is refused).
                staging.toFile().deleteOnExit();
                Files.deleteIfExists(staging);
                Files.createFile(staging);
                out = new Output(option, path, target, staging, false);
            }
        }
        catch (final IOException e)
        {
            throw new InvalidInputException(src, "", "cannot be written (" + reason(e) + ")");
        }
        outputs.add(out);
        return out;
    }

    /** @return a new owner-only file in the temporary directory, registered for deletion at exit before it was made. */
    private Path specialStaging() throws IOException
    {
        final Path dir = Path.of(System.getProperty("java.io.tmpdir"));
        final java.util.Random names = new java.util.Random();
        while (true)
        {
            final Path staging = dir.resolve("csdsim-" + ProcessHandle.current().pid() + "-" + outputs.size() + "-"
                + Long.toUnsignedString(names.nextLong(), 36) + ".out");
            staging.toFile().deleteOnExit();
            try
            {
                return java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? Files.createFile(staging, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")))
                    : Files.createFile(staging);
            }
            catch (final java.nio.file.FileAlreadyExistsException taken)
            {
                // Another file has that name: draw another.
            }
        }
    }

    /**
     * Puts every output in place: first the special files, written in place (a device that refuses the
     * bytes, /dev/full, fails the run before any regular file is touched), then every regular file by an
     * atomic rename of its staging file, which does not fail for want of space: a failed run leaves
     * every earlier file as it was.
     */
    void publish()
    {
        for (final Output o : outputs)
        {
            if (o.special)
            {
                try (InputStream in = Files.newInputStream(o.staging);
                     OutputStream os = Files.newOutputStream(o.target, StandardOpenOption.WRITE))
                {
                    in.transferTo(os);
                }
                catch (final IOException e)
                {
                    throw new InvalidInputException(o.option + " " + o.path, "", "cannot be written (" + reason(e) + "); no other output was changed");
                }
            }
        }
        for (final Output o : outputs)
        {
            try
            {
                if (o.special)
                {
                    Files.deleteIfExists(o.staging);
                    continue;
                }
                Files.createDirectories(o.target.toAbsolutePath().getParent());
                keepPermissions(o.target, o.staging);
                try
                {
                    Files.move(o.staging, o.target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
                catch (final AtomicMoveNotSupportedException e)
                {
                    // Staged in an ancestor on another file system (a mount point between them).
                    Files.move(o.staging, o.target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            catch (final IOException e)
            {
                throw new InvalidInputException(o.option + " " + o.path, "", "cannot be written (" + reason(e) + ")");
            }
        }
    }

    @Override
    public void close()
    {
        for (final Output o : outputs)
        {
            try
            {
                Files.deleteIfExists(o.staging);
            }
            catch (final IOException ignored)
            {
                // Best effort: a leftover staging file is named after its output and the process.
            }
        }
    }

    /** One output file: where it goes and where its content is staged. */
    static final class Output
    {
        final String option;
        final Path path;
        final Path target;
        final Path staging;
        final boolean special;

        private Output(final String option, final Path path, final Path target, final Path staging, final boolean special)
        {
            this.option = option;
            this.path = path;
            this.target = target;
            this.staging = staging;
            this.special = special;
        }

        /** @return a stream to the staging file; what is written reaches the output at {@link OutputFiles#publish()}. */
        OutputStream open() throws IOException
        {
            return new java.io.BufferedOutputStream(Files.newOutputStream(staging, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE), 1 << 16);
        }

        /** @return a UTF-8 writer to the staging file. */
        java.io.Writer writer() throws IOException
        {
            return new java.io.OutputStreamWriter(open(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static Path followLinks(final String option, final Path path)
    {
        Path p = path;
        for (int i = 0; i < MAX_LINKS && Files.isSymbolicLink(p); i++)
        {
            try
            {
                final Path link = Files.readSymbolicLink(p);
                final Path parent = p.toAbsolutePath().getParent();
                final Path next = parent == null ? link : parent.resolve(link);
                if (Files.exists(p) && !Files.exists(next, LinkOption.NOFOLLOW_LINKS))
                {
                    // A link the kernel opens but whose text names no file: /dev/stdout → /proc/self/fd/1 → "pipe:[…]"
                    // when standard output is a pipe. The link itself is the way to it, as a special file.
                    return p;
                }
                p = next;
            }
            catch (final IOException e)
            {
                throw new InvalidInputException(option + " " + path, "", "the symbolic link cannot be read (" + reason(e) + ")");
            }
        }
        if (Files.isSymbolicLink(p))
        {
            throw new InvalidInputException(option + " " + path, "", "more than " + MAX_LINKS + " symbolic links (a loop?)");
        }
        return p.normalize();
    }

    private static Path existingAncestor(final String src, final Path dir) throws IOException
    {
        Path d = dir;
        while (d != null && !Files.exists(d))
        {
            d = d.getParent();
        }
        if (d == null || !Files.isDirectory(d))
        {
            throw new InvalidInputException(src, "", (d == null ? dir : d) + " is not a directory");
        }
        return d;
    }

    private static boolean sameFile(final Path a, final Path b)
    {
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize()))
        {
            return true;
        }
        try
        {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        }
        catch (final IOException e)
        {
            return false;
        }
    }

    private static void keepPermissions(final Path target, final Path staging) throws IOException
    {
        final PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        if (view != null && Files.isRegularFile(target))
        {
            final Set<PosixFilePermission> perms = view.readAttributes().permissions();
            Files.setPosixFilePermissions(staging, perms);
        }
    }

    /** @return why a file operation failed, in words, not only the path the JDK names. */
    static String reason(final IOException e)
    {
        if (e instanceof AccessDeniedException)
        {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException)
        {
            return "no such file or directory: " + ((NoSuchFileException)e).getFile();
        }
        if (e instanceof FileSystemException && ((FileSystemException)e).getReason() != null)
        {
            return ((FileSystemException)e).getReason();
        }
        final String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}

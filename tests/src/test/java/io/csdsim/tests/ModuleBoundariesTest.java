package io.csdsim.tests;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * DESIGN §1's table of what may depend on what, read from the sources: the engine
 * ({@code io.csdsim.simulator}) names nothing of models, the mapper, the library or the command line;
 * the library names nothing of the command line; isa and models name nothing of the project but
 * themselves; and the engine knows no transformer.
 */
class ModuleBoundariesTest
{
    private static final Path ROOT = Path.of("..");
    private static final Pattern PROJECT_NAME = Pattern.compile("io\\.csdsim\\.(isa|models|mapper|library|cli|simulator)\\b");

    /** @return the file's code without its comments: a comment may name another module, code may not. */
    private static String code(final Path f) throws IOException
    {
        return Files.readString(f).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
    }

    /** @return "file: package" for every reference, in the sources under {@code dir}, to a project package not allowed. */
    private static List<String> offences(final String dir, final List<String> allowed) throws IOException
    {
        final List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve(dir)))
        {
            for (final Path f : files.filter(p -> p.toString().endsWith(".java")).toList())
            {
                final Matcher m = PROJECT_NAME.matcher(code(f));
                while (m.find())
                {
                    if (!allowed.contains(m.group(1)))
                    {
                        out.add(ROOT.relativize(f) + ": io.csdsim." + m.group(1));
                    }
                }
            }
        }
        return out;
    }

    @Test
    void theEngineDependsOnIsaOnly() throws IOException
    {
        assertEquals(List.of(), offences("simulator/src/main/java/io/csdsim/simulator", List.of("isa", "simulator")));
    }

    @Test
    void theLibraryIsUnderTheCommandLineNotOverIt() throws IOException
    {
        assertEquals(List.of(), offences("simulator/src/main/java/io/csdsim/library", List.of("isa", "models", "mapper", "simulator", "library")));
    }

    @Test
    void isaAndModelsDependOnNothingOfTheProject() throws IOException
    {
        assertEquals(List.of(), offences("isa/src/main/java", List.of("isa")));
        assertEquals(List.of(), offences("models/src/main/java", List.of("models")));
        assertEquals(List.of(), offences("mapper/src/main/java", List.of("isa", "models", "mapper")));
    }

    @Test
    void theEngineKnowsNoTransformer() throws IOException
    {
        final List<String> out = new ArrayList<>();
        final Pattern words = Pattern.compile("(?i)\\b(csdformer|attention|transformer|softmax|token)\\b");
        try (Stream<Path> files = Files.walk(ROOT.resolve("simulator/src/main/java/io/csdsim/simulator/engine")))
        {
            for (final Path f : files.filter(p -> p.toString().endsWith(".java")).toList())
            {
                final Matcher m = words.matcher(code(f));
                while (m.find())
                {
                    out.add(ROOT.relativize(f) + ": " + m.group());
                }
            }
        }
        assertEquals(List.of(), out);
    }
}

package vmck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

import com.fasterxml.jackson.core.JsonProcessingException;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import vmck.json.JsonFormatException;
import vmck.scenario.AdapterFailure;

/**
 * The one place where an error becomes an exit code and a message. A verdict (exit 0, 1, 4) is
 * only ever returned by a command that ran to its end; everything thrown is a usage or input
 * problem (exit 2) or a failed adapter (exit 3), reported as one line naming the cause, never
 * as a stack trace: {@code vmck COMMAND: cause}.
 */
final class Failures {

    private Failures() {
    }

    /** picocli's hook for exceptions thrown by a command's {@code call()}. */
    static int onExecutionException(Exception exception, CommandLine command, ParseResult parsed) {
        return report(command.getCommandName(), exception, command.getErr());
    }

    /** picocli's hook for options it cannot parse: one line and where to find help, not the whole usage text. */
    static int onParameterException(ParameterException exception, String[] args) {
        CommandLine command = exception.getCommandLine();
        command.getErr().println(prefix(command.getCommandName()) + oneLine(exception.getMessage())
                + " (see '" + command.getCommandSpec().qualifiedName() + " --help')");
        return Main.USAGE;
    }

    /** Prints the one-line message for {@code failure} and returns its exit code. */
    static int report(String commandName, Throwable failure, PrintWriter err) {
        err.println(prefix(commandName) + message(failure));
        err.flush();
        return exitCode(failure);
    }

    static int exitCode(Throwable failure) {
        return failure instanceof AdapterFailure ? Main.ADAPTER_FAILED : Main.USAGE;
    }

    /** What went wrong, in one line, naming the file or value at fault. */
    static String message(Throwable failure) {
        if (failure instanceof UncheckedIOException unchecked) {
            return message(unchecked.getCause());
        }
        if (failure instanceof AdapterFailure) {
            // The first line is the cause; the lines after it, if any, are the adapter's own stderr.
            return "the adapter failed: " + (failure.getMessage() == null ? "" : failure.getMessage().strip());
        }
        if (failure instanceof JsonFormatException) {
            // A trace, vector file or adapter line that parsed but broke the format; the message names where.
            return "malformed input: " + oneLine(failure.getMessage());
        }
        if (failure instanceof IOException io) {
            return describe(io);
        }
        if (failure instanceof UsageException || failure instanceof IllegalArgumentException) {
            return oneLine(failure.getMessage());
        }
        if (failure instanceof StackOverflowError || failure instanceof OutOfMemoryError) {
            return "the input is too large or too deeply nested to read (" + failure.getClass().getSimpleName() + ")";
        }
        // A bug in vmck, not a verdict: still one line, with what it was.
        return "internal error, please report: " + failure.getClass().getName()
                + (failure.getMessage() == null ? "" : ": " + oneLine(failure.getMessage()));
    }

    /** An I/O failure as a user reads it: which file, and what is wrong with it. */
    static String describe(IOException failure) {
        if (failure instanceof NoSuchFileException e) {
            return "no such file: " + e.getFile();
        }
        if (failure instanceof AccessDeniedException e) {
            return "permission denied: " + e.getFile();
        }
        if (failure instanceof NotDirectoryException e) {
            return "not a directory: " + e.getFile();
        }
        if (failure instanceof FileSystemException e) {
            return (e.getFile() == null ? "" : e.getFile() + ": ")
                    + (e.getReason() == null ? e.getClass().getSimpleName() : e.getReason());
        }
        if (failure instanceof CharacterCodingException) {
            return "not UTF-8 text";
        }
        if (failure instanceof JsonProcessingException e) {
            return "not valid JSON: " + oneLine(e.getOriginalMessage());
        }
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : oneLine(failure.getMessage());
    }

    private static String prefix(String commandName) {
        return commandName == null || commandName.equals("vmck") ? "vmck: " : "vmck " + commandName + ": ";
    }

    /** The first line, cut to a length a terminal shows whole. */
    static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}

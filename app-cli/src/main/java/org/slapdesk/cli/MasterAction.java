package org.slapdesk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import org.slapdesk.core.master.MasterException;
import org.slapdesk.core.master.SlapMaster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every {@code slapdesk master} sub-command shares: the connection options, {@code --json},
 * and the exit codes of the slapos client: 0 on success, 2 when the master says not ready,
 * 1 with a one-line reason otherwise (never a stack trace).
 */
abstract class MasterAction implements Callable<Integer> {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int NOT_READY = 2;

    private static final Logger LOG = LoggerFactory.getLogger(MasterAction.class);

    @Mixin
    MasterConnectionOptions connection;

    @Option(names = "--json", description = "print JSON for scripts instead of tables")
    boolean json;

    @Spec
    CommandLine.Model.CommandSpec spec;

    /** Does the work and prints the result; the master is closed afterwards. */
    abstract void run(SlapMaster master, PrintWriter out) throws MasterException, IOException, InterruptedException;

    @Override
    public final Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try (SlapMaster master = connection.open()) {
            run(master, spec.commandLine().getOut());
            spec.commandLine().getOut().flush();
            return OK;
        } catch (MasterException.NotReady e) {
            return fail(err, e.getMessage(), NOT_READY, e);
        } catch (MasterException e) {
            return fail(err, e.getMessage(), FAILED, e);
        } catch (CancellationException e) {
            return fail(err, "cancelled", FAILED, e);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            return fail(err, e.getMessage(), FAILED, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail(err, "interrupted", FAILED, e);
        } catch (RuntimeException e) {
            return fail(err, "unexpected error (" + e.getClass().getSimpleName() + "): " + e.getMessage(), FAILED, e);
        }
    }

    private static int fail(PrintWriter err, String message, int code, Throwable cause) {
        LOG.debug("command failed", cause);
        String oneLine = message == null ? cause.getClass().getSimpleName() : message.replaceAll("\\s*\\R\\s*", " ");
        err.println("slapdesk: " + oneLine);
        err.flush();
        return code;
    }

    void printJson(PrintWriter out, Object value) throws JsonProcessingException {
        out.println(
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value));
        out.flush();
    }
}

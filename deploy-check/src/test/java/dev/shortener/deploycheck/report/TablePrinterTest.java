package dev.shortener.deploycheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shortener.deploycheck.checks.CheckName;
import dev.shortener.deploycheck.checks.Result;
import dev.shortener.deploycheck.checks.Row;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TablePrinterTest {

    @Test
    void aMarkdownTable_paddedColumns_pipesEscaped_andASummary() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        TablePrinter.print(
                List.of(
                        new Row(CheckName.CREATE_LINK, Result.pass("201, code abc")),
                        new Row(CheckName.RATE_LIMITED, Result.fail("a | b\nc")),
                        new Row(CheckName.ATHENA_COUNT, Result.skip("no Athena"))),
                new PrintStream(out, true, StandardCharsets.UTF_8));

        assertEquals(
                String.join(
                        "\n",
                        "| check        | result | evidence |",
                        "| ------------ | ------ | -------- |",
                        "| create-link  | pass   | 201, code abc |",
                        "| rate-limited | fail   | a \\| b c |",
                        "| athena-count | skip   | no Athena |",
                        "",
                        "Checks passed: 1, failed: 1, skipped: 1",
                        ""),
                out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }
}

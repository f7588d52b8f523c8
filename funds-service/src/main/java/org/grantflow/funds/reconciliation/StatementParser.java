package org.grantflow.funds.reconciliation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.grantflow.funds.problem.Violation;

/**
 * Reads a statement exported from the finance system: CSV with a header line naming the columns
 * {@code date}, {@code reference}, {@code amount} and {@code fund_code} (or {@code fund}, {@code cost_centre},
 * {@code cost_centre_code}), holding a fund code or a fund's cost-centre code, in
 * any order; other columns are ignored. Dates are {@code 2017-01-16} or {@code 16/01/2017}; amounts
 * are pounds and pence, negative for money paid back. Every bad line is reported with its number.
 */
public final class StatementParser {

    static final List<String> COLUMNS = List.of("date", "reference", "amount", "fund_code");
    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    /** One line of a statement: line numbers count from 1, the header included. */
    public record Line(int number, LocalDate date, String reference, BigDecimal amount, String fundCode) {
    }

    public record Parsed(List<Line> lines, List<Violation> errors) {
    }

    private StatementParser() {
    }

    public static Parsed parse(String text) {
        List<Line> lines = new ArrayList<>();
        List<Violation> errors = new ArrayList<>();
        List<String> rows = rows(text == null ? "" : text.replace("\uFEFF", ""));
        if (rows.get(0).isBlank()) {
            errors.add(new Violation("MISSING_HEADER", "line 1", "The first line must name the columns "
                    + String.join(",", COLUMNS)));
            return new Parsed(lines, errors);
        }
        Map<String, Integer> columns = columns(Csv.fields(rows.get(0)));
        List<String> missing = COLUMNS.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            errors.add(new Violation("MISSING_COLUMN", "line 1", "The header lacks the column(s) "
                    + String.join(", ", missing) + "; expected " + String.join(",", COLUMNS)));
            return new Parsed(lines, errors);
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 1; i < rows.size(); i++) {
            int number = i + 1;
            if (rows.get(i).isBlank()) {
                continue;
            }
            List<String> fields = Csv.fields(rows.get(i));
            List<String> problems = new ArrayList<>();
            LocalDate date = date(value(fields, columns.get("date")), problems);
            String reference = value(fields, columns.get("reference"));
            if (reference.isEmpty()) {
                problems.add("reference is empty");
            } else if (seen.containsKey(reference)) {
                problems.add("reference " + reference + " is on line " + seen.get(reference) + " already");
            } else {
                seen.put(reference, number);
            }
            BigDecimal amount = amount(value(fields, columns.get("amount")), problems);
            String fundCode = value(fields, columns.get("fund_code"));
            if (fundCode.isEmpty()) {
                problems.add("fund_code is empty");
            }
            if (problems.isEmpty()) {
                lines.add(new Line(number, date, reference, amount, fundCode));
            } else {
                errors.add(new Violation("BAD_LINE", "line " + number, "Line " + number + ": "
                        + String.join("; ", problems)));
            }
        }
        return new Parsed(lines, errors);
    }

    /** The text's lines, ended by LF or CRLF (a plain scan: a statement can have a hundred thousand). */
    private static List<String> rows(String text) {
        List<String> rows = new ArrayList<>(text.length() / 48 + 1);
        int start = 0;
        for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
            rows.add(text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end));
            start = end + 1;
        }
        rows.add(text.substring(start));
        return rows;
    }

    private static Map<String, Integer> columns(List<String> header) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
            if (name.equals("fund") || name.equals("cost_centre") || name.equals("cost_centre_code")) {
                name = "fund_code";
            }
            columns.putIfAbsent(name, i);
        }
        return columns;
    }

    private static String value(List<String> fields, int column) {
        return column < fields.size() ? fields.get(column) : "";
    }

    private static LocalDate date(String text, List<String> problems) {
        try {
            return text.contains("/") ? LocalDate.parse(text, UK_DATE) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add("date '" + text + "' is not a date such as 2017-01-16 or 16/01/2017");
            return null;
        }
    }

    private static BigDecimal amount(String text, List<String> problems) {
        try {
            BigDecimal amount = new BigDecimal(text.replace(",", "").replace("£", ""));
            if (amount.scale() > 2 || amount.signum() == 0) {
                problems.add("amount '" + text + "' must be non-zero pounds and pence");
                return null;
            }
            return amount.setScale(2);
        } catch (NumberFormatException e) {
            problems.add("amount '" + text + "' is not a number");
            return null;
        }
    }
}

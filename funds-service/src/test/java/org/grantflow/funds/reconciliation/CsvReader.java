package org.grantflow.funds.reconciliation;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV as a spreadsheet does (quoted fields may hold commas, doubled quotes and line
 * breaks; records end with CRLF), independently of the service's own writer, so that tests check
 * what finance staff's spreadsheets would see.
 */
final class CsvReader {

    private CsvReader() {
    }

    static List<List<String>> records(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else if (c == '\n') {
                throw new AssertionError("A bare line feed outside quotes at " + i + ": records must end with CRLF");
            } else {
                field.append(c);
            }
        }
        if (quoted || field.length() > 0 || !record.isEmpty()) {
            throw new AssertionError("The CSV does not end with a complete record");
        }
        return records;
    }
}

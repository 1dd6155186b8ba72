package eu.enclave.egress.checks;

/**
 * Where in a file a finding is; every part is null when it does not apply. Rows, lines and pages count from 1 as
 * a person reads them (row 1 is a table's first body row); {@code column} is the column's header, or its
 * spreadsheet letter when it has none.
 *
 * @param member archive member path, when the finding is inside an archive
 */
public record Location(String member, String sheet, Long row, String column, Long line, Integer page) {

    public static final Location FILE = new Location(null, null, null, null, null, null);

    public static Location cell(String sheet, long row, String column) {
        return new Location(null, sheet, row, column, null, null);
    }

    public static Location line(long line) {
        return new Location(null, null, null, null, line, null);
    }

    public static Location page(int page) {
        return new Location(null, null, null, null, null, page);
    }

    public Location inMember(String memberPath) {
        return new Location(memberPath, sheet, row, column, line, page);
    }
}

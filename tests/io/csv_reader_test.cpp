#include "io/csv_reader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/errors.hpp"
#include "scratch_dir.hpp"

namespace cerebro::io {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(ParseCsvText, HeaderAndCells) {
  const RawTable table = parse_csv_text("date,spend\n2024-01-01,10\n2024-01-08,20.5\n", "t.csv");
  EXPECT_EQ(table.origin, "t.csv");
  EXPECT_THAT(table.columns, ElementsAre("date", "spend"));
  ASSERT_EQ(table.row_count(), 2u);
  EXPECT_THAT(table.cells[0], ElementsAre("2024-01-01", "2024-01-08"));
  EXPECT_THAT(table.cells[1], ElementsAre("10", "20.5"));
}

TEST(ParseCsvText, QuotesBomCrlfAndBlankLines) {
  const RawTable table =
      parse_csv_text("\xEF\xBB\xBF\"date\",\"note, with comma\"\r\n2024-01-01,\"say \"\"hi\"\"\"\r\n\r\n", "t.csv");
  EXPECT_THAT(table.columns, ElementsAre("date", "note, with comma"));
  ASSERT_EQ(table.row_count(), 1u);
  EXPECT_EQ(table.cells[1][0], "say \"hi\"");
}

TEST(ParseCsvText, ClickHouseNullBecomesEmpty) {
  const RawTable table = parse_csv_text("a,b\n1,\\N\n", "t.csv");
  EXPECT_EQ(table.cells[1][0], "");
}

TEST(ParseCsvText, RaggedRowNamesRecord) {
  try {
    parse_csv_text("a,b\n1,2\n3\n", "t.csv");
    FAIL() << "expected InputError";
  } catch (const core::InputError& error) {
    EXPECT_THAT(error.what(), HasSubstr("t.csv record 3"));
    EXPECT_THAT(error.what(), HasSubstr("1 fields but the header has 2"));
  }
}

TEST(ParseCsvText, DuplicateHeaderRejected) {
  EXPECT_THROW(parse_csv_text("a,a\n1,2\n", "t.csv"), core::InputError);
}

TEST(ReadCsvFile, MissingFile) {
  try {
    read_csv_file("/nonexistent/cerebro/panel.csv");
    FAIL() << "expected InputError";
  } catch (const core::InputError& error) {
    EXPECT_THAT(error.what(), HasSubstr("/nonexistent/cerebro/panel.csv was not found"));
  }
}

TEST(ReadCsvFile, EmptyFile) {
  const testing::ScratchDir scratch("csv-empty");
  const auto path = scratch.write("empty.csv", "\n\n");
  try {
    read_csv_file(path);
    FAIL() << "expected InputError";
  } catch (const core::InputError& error) {
    EXPECT_THAT(error.what(), HasSubstr("empty.csv is empty"));
  }
}

TEST(ReadCsvFile, UnreadableDirectory) {
  const testing::ScratchDir scratch("csv-dir");
  EXPECT_THROW(read_csv_file(scratch.path()), core::InputError);
}

}  // namespace
}  // namespace cerebro::io

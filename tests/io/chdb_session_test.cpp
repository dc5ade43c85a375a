#include "io/chdb_session.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/errors.hpp"
#include "io/table_reader.hpp"
#include "scratch_dir.hpp"

namespace cerebro::io {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(ChdbSession, BindsParametersWithoutSplicing) {
  // A quote in the value would break a spliced query; a bound parameter keeps it as text.
  const RawTable table = embedded_session().query("SELECT {name:String} AS name, {count:UInt32} + 1 AS next",
                                                  {{"name", "O'Hara, \"x\""}, {"count", "41"}});
  EXPECT_THAT(table.columns, ElementsAre("name", "next"));
  EXPECT_THAT(table.cells[0], ElementsAre("O'Hara, \"x\""));
  EXPECT_THAT(table.cells[1], ElementsAre("42"));
}

TEST(ChdbSession, SessionTimeZoneIsUtc) {
  const RawTable table =
      embedded_session().query("SELECT getSetting('session_timezone') AS zone, toString(toDateTime(0)) AS epoch", {});
  EXPECT_THAT(table.cells[0], ElementsAre("UTC"));
  EXPECT_THAT(table.cells[1], ElementsAre("1970-01-01 00:00:00"));
}

TEST(ChdbSession, NullBecomesEmptyCell) {
  const RawTable table = embedded_session().query("SELECT NULL AS missing, 1 AS present", {});
  EXPECT_THAT(table.cells[0], ElementsAre(""));
}

TEST(ChdbSession, QueryErrorIsInputError) {
  try {
    embedded_session().query("SELECT no_such_column FROM system.one", {});
    FAIL() << "expected InputError";
  } catch (const core::InputError& error) {
    EXPECT_THAT(error.what(), HasSubstr("query 'SELECT no_such_column FROM system.one' failed in embedded ClickHouse"));
  }
}

TEST(ChdbSession, ReopensAfterClose) {
  close_chdb();
  const RawTable table = embedded_session().query("SELECT 1 AS one", {});
  EXPECT_THAT(table.cells[0], ElementsAre("1"));
}

TEST(ReadTableFile, TsvThroughChdb) {
  const testing::ScratchDir scratch("tsv");
  const auto path = scratch.write("panel.tsv", "date\tspend\n2024-01-01\t1.5\n2024-01-08\t2\n");
  const RawTable table = read_table_file(path, embedded_session());
  EXPECT_THAT(table.columns, ElementsAre("date", "spend"));
  EXPECT_THAT(table.cells[1], ElementsAre("1.5", "2"));
  EXPECT_EQ(table.origin, path.string());
}

TEST(ReadTableFile, UnsupportedExtension) {
  const testing::ScratchDir scratch("xlsx");
  const auto path = scratch.write("panel.xlsx", "x");
  EXPECT_THROW(read_table_file(path, embedded_session()), core::InputError);
}

}  // namespace
}  // namespace cerebro::io

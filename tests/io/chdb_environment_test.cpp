// Closes the embedded ClickHouse connection after all io tests, as main does,
// because a process that exits with the connection open can hang.
#include <gtest/gtest.h>

#include "io/chdb_session.hpp"

namespace {

class ChdbEnvironment : public ::testing::Environment {
 public:
  void TearDown() override { cerebro::io::close_chdb(); }
};

const auto* const chdb_environment = ::testing::AddGlobalTestEnvironment(new ChdbEnvironment);

}  // namespace

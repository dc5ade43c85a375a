#include "io/chdb_session.hpp"
namespace cerebro::io {
void close_chdb() {}
}  // namespace cerebro::io

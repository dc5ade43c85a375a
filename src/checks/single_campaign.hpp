#pragma once
// Single-campaign guard. With one media and one flight, the only variation that
// identifies the media's effect is its on/off switch, which coincides with
// everything else that changed at those weeks; a regression cannot separate
// them, and an A/B test or an interrupted time-series analysis answers the
// question better.
#include <optional>

#include "checks/data_guards.hpp"

namespace cerebro::checks {

// The one flight of a single-campaign panel, as panel week indices (inclusive).
struct SingleFlight {
  int first_week = 0;
  int last_week = 0;
};

// Returns the flight when the panel has exactly one media whose non-zero weeks
// within the modeling window form one contiguous run that starts after the
// window's first week or ends before its last week. Returns nullopt for several
// media, an always-on media, a media with several flights, or no non-zero week
// in the window (the loader rejects an all-zero media).
std::optional<SingleFlight> find_single_campaign(const GuardInput& input);

// Throws core::InputError when find_single_campaign finds a flight.
void check_single_campaign(const GuardInput& input);

}  // namespace cerebro::checks

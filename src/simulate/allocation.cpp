#include "simulate/allocation.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <stdexcept>
#include <string>

namespace cerebro::simulate {
namespace {

// Internal invariants stay checked in release builds; a failure is a bug here
// or in the caller, reported as an internal error.
void require(bool condition, const char* invariant) {
  if (!condition)
    throw std::logic_error(std::string("allocate_budget: broken invariant: ") + invariant);
}

constexpr double kNegativeInfinity = -std::numeric_limits<double>::infinity();

// Relative width at which the bisections stop: near double precision, because
// the spends are read off the bracket and then blended to meet the total.
constexpr double kRelativeBracket = 1e-14;
constexpr int kMaxBisections = 2000;

// Points of the coarse scan of one media's convex piece; the best cell is then
// refined by golden-section search. Enough to separate the few local optima a
// sum of one convex and several concave terms can have.
constexpr int kConvexScanCells = 24;
constexpr int kGoldenIterations = 60;

// One media restricted to an interval on which its response is concave (or
// to a single point).
struct Piece {
  std::size_t media = 0;
  double low = 0;
  double high = 0;
};

struct Candidate {
  std::vector<double> spend;
  double value = kNegativeInfinity;
};

// Spend on [piece.low, piece.high] where the marginal ROI equals `multiplier`,
// clamped to the piece. The marginal ROI is non-increasing on a concave piece.
// multiplier <= 0 means "every unit still returns something": the top.
double spend_at_multiplier(const AllocationMedia& item, const Piece& piece, double multiplier) {
  if (item.no_response) return multiplier > 0 ? piece.low : piece.high;
  if (multiplier <= 0) return piece.high;
  const SteadyStateResponse& response = item.response;
  if (response.marginal_roi(piece.low) <= multiplier) return piece.low;
  if (response.marginal_roi(piece.high) >= multiplier) return piece.high;

  const transform::CurveParameters& curve = response.curve;
  if (curve.kind == transform::CurveKind::concave && curve.elasticity != 1) {
    // dR/ds = beta r A^r s^(r - 1), solved for s in log space.
    const double r = curve.elasticity;
    const double log_spend = (std::log(multiplier) - std::log(curve.beta * r) -
                              r * std::log(response.adstock_multiplier)) /
                             (r - 1);
    return std::clamp(std::exp(log_spend), piece.low, piece.high);
  }
  // Hill: bisection in log spend, since the piece can span orders of magnitude.
  double log_low = std::log(piece.low);
  double log_high = std::log(piece.high);
  for (int step = 0; step < 200 && log_high - log_low > 1e-13; ++step) {
    const double log_mid = 0.5 * (log_low + log_high);
    if (response.marginal_roi(std::exp(log_mid)) > multiplier) {
      log_low = log_mid;
    } else {
      log_high = log_mid;
    }
  }
  return std::clamp(std::exp(0.5 * (log_low + log_high)), piece.low, piece.high);
}

double spend_sum(const std::vector<AllocationMedia>& media, const std::vector<Piece>& pieces,
                 double multiplier, std::vector<double>& spend) {
  double sum = 0;
  for (const Piece& piece : pieces) {
    spend[piece.media] = spend_at_multiplier(media[piece.media], piece, multiplier);
    sum += spend[piece.media];
  }
  return sum;
}

// Maximizes the summed response of `pieces` (each concave on its interval) with
// their spends summing to `budget`, writing into `spend` at the pieces' indices.
// Returns false when the budget lies outside the pieces' combined bounds.
// Method: the optimal spends are non-increasing in the multiplier, so bisection
// finds the multiplier whose spends bracket the budget, and blending the two
// bracketing allocations meets the budget exactly.
bool solve_concave(const std::vector<AllocationMedia>& media, const std::vector<Piece>& pieces,
                   double budget, std::vector<double>& spend) {
  double low_sum = 0;
  double high_sum = 0;
  for (const Piece& piece : pieces) {
    low_sum += piece.low;
    high_sum += piece.high;
  }
  // Spends are in units of the whole budget (see allocate_budget), so the slack
  // is absolute: it absorbs the rounding of `total - special spend` when one
  // media's bounds are many orders of magnitude below the total.
  constexpr double kBudgetSlack = 1e-12;
  if (budget < low_sum - kBudgetSlack || budget > high_sum + kBudgetSlack) return false;
  budget = std::clamp(budget, low_sum, high_sum);

  // Media without a response absorb whatever the others cannot take at any
  // positive multiplier, in proportion to their room.
  double responsive_top = 0;
  double idle_room = 0;
  for (const Piece& piece : pieces) {
    responsive_top += media[piece.media].no_response ? piece.low : piece.high;
    if (media[piece.media].no_response) idle_room += piece.high - piece.low;
  }
  if (budget >= responsive_top) {
    const double fill = idle_room > 0 ? std::min(1.0, (budget - responsive_top) / idle_room) : 0.0;
    for (const Piece& piece : pieces) {
      spend[piece.media] =
          media[piece.media].no_response ? piece.low + fill * (piece.high - piece.low) : piece.high;
    }
    return true;
  }

  double multiplier_high = 0;
  for (const Piece& piece : pieces) {
    if (!media[piece.media].no_response) {
      multiplier_high =
          std::max(multiplier_high, media[piece.media].response.marginal_roi(piece.low));
    }
  }
  double multiplier_low = 0;
  for (int step = 0; step < kMaxBisections; ++step) {
    if (multiplier_high - multiplier_low <= kRelativeBracket * multiplier_high) break;
    const double mid = 0.5 * (multiplier_low + multiplier_high);
    if (spend_sum(media, pieces, mid, spend) > budget) {
      multiplier_low = mid;
    } else {
      multiplier_high = mid;
    }
  }
  std::vector<double> above(spend.size());
  std::vector<double> below(spend.size());
  const double sum_above = spend_sum(media, pieces, multiplier_low, above);
  const double sum_below = spend_sum(media, pieces, multiplier_high, below);
  const double weight =
      sum_above > sum_below ? (budget - sum_below) / (sum_above - sum_below) : 0.0;
  for (const Piece& piece : pieces) {
    const std::size_t m = piece.media;
    spend[m] = std::clamp(below[m] + weight * (above[m] - below[m]), piece.low, piece.high);
  }
  return true;
}

// Value of the concave sub-problem, -infinity when infeasible.
double concave_value(const std::vector<AllocationMedia>& media, const std::vector<Piece>& pieces,
                     double budget, std::vector<double>& spend) {
  if (!solve_concave(media, pieces, budget, spend)) return kNegativeInfinity;
  return total_response(media, spend);
}

// One KKT case with media `special` free on its convex piece [low, high] and
// every other media on its piece: a 1-D search over the special media's spend.
Candidate solve_with_convex_media(const std::vector<AllocationMedia>& media,
                                  const std::vector<Piece>& others, const Piece& special,
                                  double total_spend, std::vector<double> spend) {
  auto value_at = [&](double special_spend) {
    spend[special.media] = special_spend;
    return concave_value(media, others, total_spend - special_spend, spend);
  };

  // Only spends that leave the others a feasible budget are searched, so the
  // scan does not miss a case where the others' bounds fix the special spend.
  double others_low = 0;
  double others_high = 0;
  for (const Piece& piece : others) {
    others_low += piece.low;
    others_high += piece.high;
  }
  Candidate best;
  const double low = std::max(special.low, total_spend - others_high);
  const double high = std::min(special.high, total_spend - others_low);
  if (low > high) return best;

  const double width = high - low;
  int best_cell = 0;
  double best_value = kNegativeInfinity;
  for (int cell = 0; cell <= kConvexScanCells; ++cell) {
    const double value = value_at(low + width * cell / kConvexScanCells);
    if (value > best_value) {
      best_value = value;
      best_cell = cell;
    }
  }
  if (best_value == kNegativeInfinity) return best;

  // Golden-section search on the two cells around the best scan point.
  const double golden = 0.5 * (std::sqrt(5.0) - 1);
  double left = low + width * std::max(0, best_cell - 1) / kConvexScanCells;
  double right = low + width * std::min(kConvexScanCells, best_cell + 1) / kConvexScanCells;
  double inner_left = right - golden * (right - left);
  double inner_right = left + golden * (right - left);
  double value_left = value_at(inner_left);
  double value_right = value_at(inner_right);
  for (int step = 0; step < kGoldenIterations; ++step) {
    if (value_left >= value_right) {
      right = inner_right;
      inner_right = inner_left;
      value_right = value_left;
      inner_left = right - golden * (right - left);
      value_left = value_at(inner_left);
    } else {
      left = inner_left;
      inner_left = inner_right;
      value_left = value_right;
      inner_right = left + golden * (right - left);
      value_right = value_at(inner_right);
    }
  }
  const double scan_best = low + width * best_cell / kConvexScanCells;
  const double refined = value_left >= value_right ? inner_left : inner_right;
  const double chosen = value_at(refined) >= value_at(scan_best) ? refined : scan_best;
  best.value = value_at(chosen);
  best.spend = spend;
  return best;
}

}  // namespace

double total_response(const std::vector<AllocationMedia>& media, const std::vector<double>& spend) {
  require(media.size() == spend.size(), "one spend per media");
  double sum = 0;
  for (std::size_t m = 0; m < media.size(); ++m) {
    if (!media[m].no_response) sum += media[m].response.response(spend[m]);
  }
  return sum;
}

// Method. Split each media's box [min, max] at its inflection spend c into a
// convex piece [min, c] and a concave piece [c, max] (either may be a point).
// At a local maximum, the second-order condition on the constraint surface
// forbids two media strictly inside their convex pieces: moving budget from one
// to the other would raise the sum. Every other media on its convex piece sits
// at an end of it: the lower bound, or the inflection spend, which also belongs
// to the concave piece. So every local maximum, the global one included, falls
// into one of these cases, one for each subset P of the media with a
// non-trivial convex piece. In that case the media in P sit at their lower
// bound, at most one media j is free on its convex piece, and every other media
// is on its concave piece.
// With j absent the case is a concave problem solved exactly by bisection on
// the multiplier; with j present it is a 1-D search over j's spend with the
// concave problem nested inside. The answer is the best case.
// NOTE: the enumeration costs 2^k concave solves for k media with a convex
// piece inside their bounds, so it suits the handful of media of one model, not
// hundreds; the 1-D search is a scan plus golden-section refinement, exact up to
// the scan finding the right cell.
static std::vector<double> allocate_in_budget_units(const std::vector<AllocationMedia>& media,
                                                    double total_spend) {
  const std::size_t count = media.size();
  std::vector<double> inflection(count);
  std::vector<std::size_t> convex_media;
  for (std::size_t m = 0; m < count; ++m) {
    require(media[m].min_spend > 0 && media[m].min_spend <= media[m].max_spend,
            "0 < min_spend <= max_spend");
    inflection[m] = media[m].no_response ? media[m].min_spend
                                         : std::clamp(media[m].response.inflection_spend(),
                                                      media[m].min_spend, media[m].max_spend);
    if (inflection[m] > media[m].min_spend) convex_media.push_back(m);
  }
  require(convex_media.size() < 20, "fewer than 20 media with a convex piece");

  Candidate best;
  std::vector<double> spend(count, 0.0);
  const std::size_t cases = std::size_t{1} << convex_media.size();
  for (std::size_t pinned_mask = 0; pinned_mask < cases; ++pinned_mask) {
    std::vector<Piece> pieces;
    std::vector<Piece> convex_pieces;
    for (std::size_t m = 0; m < count; ++m)
      pieces.push_back({m, inflection[m], media[m].max_spend});
    for (std::size_t bit = 0; bit < convex_media.size(); ++bit) {
      const std::size_t m = convex_media[bit];
      if (pinned_mask & (std::size_t{1} << bit)) {
        pieces[m] = {m, media[m].min_spend, media[m].min_spend};
      } else {
        convex_pieces.push_back({m, media[m].min_spend, inflection[m]});
      }
    }

    const double value = concave_value(media, pieces, total_spend, spend);
    if (value > best.value) best = {spend, value};

    for (const Piece& special : convex_pieces) {
      std::vector<Piece> others;
      for (const Piece& piece : pieces) {
        if (piece.media != special.media) others.push_back(piece);
      }
      Candidate candidate = solve_with_convex_media(media, others, special, total_spend, spend);
      if (candidate.value > best.value) best = std::move(candidate);
    }
  }
  require(best.value > kNegativeInfinity, "the bounds admit the total");
  return best.spend;
}

std::vector<double> allocate_budget(const std::vector<AllocationMedia>& input_media,
                                    double total_spend) {
  // The solver works in units of the total budget, so spends near 1e18 (token
  // base units) and near 1 meet the same relative tolerances. The response is
  // unchanged because the adstock multiplier absorbs the scale.
  require(total_spend > 0 && std::isfinite(total_spend), "a positive, finite total");
  const double scale = total_spend;
  std::vector<AllocationMedia> media = input_media;
  for (AllocationMedia& item : media) {
    item.response.adstock_multiplier *= scale;
    item.min_spend /= scale;
    item.max_spend /= scale;
  }
  std::vector<double> spend = allocate_in_budget_units(media, 1.0);
  for (double& value : spend) value *= scale;
  return spend;
}

}  // namespace cerebro::simulate

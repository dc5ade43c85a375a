#include "causal/dag_markdown.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

#include "core/errors.hpp"

namespace cerebro::causal {
namespace {

constexpr std::string_view kArrow = "→";
constexpr std::string_view kAsciiArrow = "->";
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return text;
}

std::string lower(std::string_view text) {
  std::string result(text);
  for (char& c : result) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return result;
}

std::vector<std::string_view> split(std::string_view text, std::string_view separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t at = text.find(separator, start);
    if (at == std::string_view::npos) {
      parts.push_back(text.substr(start));
      return parts;
    }
    parts.push_back(text.substr(start, at - start));
    start = at + separator.size();
  }
}

// Splits a chain such as `T→M->Y` at either arrow.
std::vector<std::string_view> split_chain(std::string_view text) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::string_view rest = text.substr(at);
    std::size_t arrow_length = 0;
    if (rest.starts_with(kArrow)) arrow_length = kArrow.size();
    if (rest.starts_with(kAsciiArrow)) arrow_length = kAsciiArrow.size();
    if (arrow_length == 0) {
      ++at;
      continue;
    }
    parts.push_back(text.substr(start, at - start));
    at += arrow_length;
    start = at;
  }
  parts.push_back(text.substr(start));
  return parts;
}

bool starts_with_label(std::string_view line, std::string_view label) {
  return lower(line.substr(0, label.size())) == label;
}

// A line-numbered item waiting for the node table to be complete.
struct PendingLine {
  int line_number = 0;
  std::string_view body;  // text after the `Edges:` or `Flags:` label
};

class MarkdownParser {
 public:
  explicit MarkdownParser(const std::string& origin) : origin_(origin) {}

  Dag parse(std::string_view text) {
    // Editors on Windows may save a byte-order mark; it is not part of the table.
    if (text.starts_with(kByteOrderMark)) text.remove_prefix(kByteOrderMark.size());
    const std::vector<std::string_view> lines = split(text, "\n");
    for (std::size_t i = 0; i < lines.size(); ++i) {
      std::string_view line = lines[i];
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      parse_line(static_cast<int>(i) + 1, trim(line));
    }
    if (table_state_ == TableState::none) fail(0, "no node table `| Node | Variable | Source |`");
    if (table_state_ == TableState::header) {
      fail(table_line_, "the node table has no separator row `|---|---|---|`");
    }
    if (dag_.nodes.empty()) fail(table_line_, "the node table has no rows");
    if (!edges_line_) {
      fail(0, "no `Edges:` line; list the edges as `Edges: T→Y, U→T` (or `Edges: none`)");
    }
    resolve_edges(*edges_line_);
    if (flags_line_) resolve_flags(*flags_line_);
    dag_.kpi = find_kpi(dag_.nodes, dag_.edges, origin_);
    return std::move(dag_);
  }

 private:
  enum class TableState { none, header, rows, closed };

  [[noreturn]] void fail(int line_number, const std::string& problem) const {
    if (line_number > 0) {
      throw core::InputError(origin_ + " line " + std::to_string(line_number) + ": " + problem +
                             ".");
    }
    throw core::InputError(origin_ + ": " + problem + ".");
  }

  void parse_line(int line_number, std::string_view line) {
    if (line.empty() || line.front() == '#') {
      if (table_state_ == TableState::rows) table_state_ = TableState::closed;
      return;
    }
    if (line.front() == '|') {
      parse_table_row(line_number, line);
      return;
    }
    if (table_state_ == TableState::rows) table_state_ = TableState::closed;
    if (table_state_ == TableState::header) {
      fail(line_number, "expected the table's separator row `|---|---|---|` after the header");
    }
    if (starts_with_label(line, "edges:")) {
      if (edges_line_) {
        fail(line_number, "a second `Edges:` line (the first is line " +
                              std::to_string(edges_line_->line_number) + "); join them into one");
      }
      edges_line_ = PendingLine{line_number, line.substr(6)};
      return;
    }
    if (starts_with_label(line, "flags:")) {
      if (flags_line_) {
        fail(line_number, "a second `Flags:` line (the first is line " +
                              std::to_string(flags_line_->line_number) + "); join them into one");
      }
      flags_line_ = PendingLine{line_number, line.substr(6)};
      return;
    }
    fail(line_number, "expected a table row, an `Edges:` line or a `Flags:` line, found `" +
                          std::string(line.substr(0, 60)) + "`");
  }

  std::vector<std::string_view> cells_of(int line_number, std::string_view line) const {
    if (line.size() < 2 || line.back() != '|') {
      fail(line_number, "a table row must start and end with `|`");
    }
    std::vector<std::string_view> cells = split(line.substr(1, line.size() - 2), "|");
    for (std::string_view& cell : cells) cell = trim(cell);
    return cells;
  }

  void parse_table_row(int line_number, std::string_view line) {
    const std::vector<std::string_view> cells = cells_of(line_number, line);
    switch (table_state_) {
      case TableState::none:
        parse_header(line_number, cells);
        return;
      case TableState::header:
        parse_separator(line_number, cells);
        return;
      case TableState::rows:
        parse_node(line_number, cells);
        return;
      case TableState::closed:
        fail(line_number, "a second table; the DAG has one node table (the first starts at line " +
                              std::to_string(table_line_) + ")");
    }
  }

  void parse_header(int line_number, const std::vector<std::string_view>& cells) {
    const bool three = cells.size() == 3;
    const bool four = cells.size() == 4 && lower(cells[3]) == "role";
    if (!(three || four) || lower(cells[0]) != "node" || lower(cells[1]) != "variable" ||
        lower(cells[2]) != "source") {
      fail(line_number, "the node table header must be `| Node | Variable | Source |` with an "
                        "optional `Role |` column");
    }
    dag_.has_role_column = four;
    column_count_ = cells.size();
    table_line_ = line_number;
    table_state_ = TableState::header;
  }

  void parse_separator(int line_number, const std::vector<std::string_view>& cells) {
    const bool dashes = std::all_of(cells.begin(), cells.end(), [](std::string_view cell) {
      return !cell.empty() && cell.find_first_not_of("-: ") == std::string_view::npos &&
             cell.find('-') != std::string_view::npos;
    });
    if (cells.size() != column_count_ || !dashes) {
      fail(line_number, "expected the separator row with " + std::to_string(column_count_) +
                            " cells of dashes, such as `|---|---|---|`");
    }
    table_state_ = TableState::rows;
  }

  void parse_node(int line_number, const std::vector<std::string_view>& cells) {
    if (cells.size() != column_count_) {
      fail(line_number, "the row has " + std::to_string(cells.size()) + " cells but the header has " +
                            std::to_string(column_count_));
    }
    static constexpr const char* kColumns[] = {"Node", "Variable", "Source", "Role"};
    for (std::size_t i = 0; i < 3; ++i) {
      if (cells[i].empty()) fail(line_number, std::string("the ") + kColumns[i] + " cell is empty");
    }
    Node node;
    node.id = std::string(cells[0]);
    check_node_id(line_number, node.id);
    node.variable = std::string(cells[1]);
    node.source = std::string(cells[2]);

    if (is_ambiguous_latent_source(node.source)) {
      fail(line_number, "the Source `" + node.source +
                            "` starts with `latent` but is not the word latent; write `latent` for "
                            "an unobserved variable or rename the column");
    }
    const std::string place = origin_ + " line " + std::to_string(line_number);
    time_subscript(node.id, place);
    time_subscript(node.variable, place);

    if (column_count_ == 4 && !cells[3].empty()) {
      const std::optional<NodeRole> role = parse_role(lower(cells[3]));
      if (!role) {
        fail(line_number, "unknown Role `" + std::string(cells[3]) +
                              "`; use kpi, media, control, event, mediator or latent");
      }
      node.role = *role;
    }
    if (dag_.find(node.id)) {
      fail(line_number, "duplicate node `" + node.id + "`; give each node its own id");
    }
    dag_.nodes.push_back(std::move(node));
  }

  void check_node_id(int line_number, const std::string& id) const {
    const std::string problem = node_id_problem(id);
    if (!problem.empty()) {
      fail(line_number, "node id `" + id + "` " + problem + "; use a short label such as T1");
    }
  }

  std::size_t node_index(int line_number, std::string_view id, const char* where) const {
    if (id.empty()) fail(line_number, std::string("an empty node id in ") + where);
    const std::optional<std::size_t> index = dag_.find(id);
    if (!index) {
      fail(line_number, std::string("unknown node `") + std::string(id) + "` in " + where +
                            "; add it to the node table or fix the id");
    }
    return *index;
  }

  void resolve_edges(const PendingLine& pending) {
    const std::string_view body = trim(pending.body);
    if (lower(body) == "none") return;
    if (body.empty()) fail(pending.line_number, "the `Edges:` line is empty; write `Edges: none`");
    for (std::string_view item : split(body, ",")) {
      const std::vector<std::string_view> chain = split_chain(trim(item));
      if (chain.size() < 2) {
        fail(pending.line_number, "the edge item `" + std::string(trim(item)) +
                                      "` has no arrow; write it as `T→Y` or `T->Y`");
      }
      for (std::size_t i = 0; i + 1 < chain.size(); ++i) {
        const Edge edge{node_index(pending.line_number, trim(chain[i]), "Edges"),
                        node_index(pending.line_number, trim(chain[i + 1]), "Edges")};
        if (std::find(dag_.edges.begin(), dag_.edges.end(), edge) != dag_.edges.end()) {
          fail(pending.line_number, "duplicate edge " + dag_.nodes[edge.from].id + "→" +
                                        dag_.nodes[edge.to].id + "; list each edge once");
        }
        dag_.edges.push_back(edge);
      }
    }
  }

  void resolve_flags(const PendingLine& pending) {
    const std::string_view body = trim(pending.body);
    if (lower(body) == "none") return;
    if (body.empty()) fail(pending.line_number, "the `Flags:` line is empty; write `Flags: none`");
    for (std::string_view raw_item : split(body, ";")) {
      const std::string_view item = trim(raw_item);
      dag_.flags.push_back(parse_flag(pending.line_number, item));
    }
  }

  Flag parse_flag(int line_number, std::string_view item) const {
    const std::string usage = "; write `X,Y co-launched`, `X,Y confounded` or `X part-of Y`";
    const std::size_t space = item.find_last_of(" \t");
    if (item.empty()) fail(line_number, "an empty flag between `;`" + usage);
    const std::size_t part_of = item.find(" part-of ");
    if (part_of != std::string_view::npos) {
      return Flag{FlagKind::part_of, node_index(line_number, trim(item.substr(0, part_of)), "Flags"),
                  node_index(line_number, trim(item.substr(part_of + 9)), "Flags")};
    }
    if (space == std::string_view::npos) fail(line_number, "malformed flag `" + std::string(item) + "`" + usage);
    const std::string kind = lower(trim(item.substr(space + 1)));
    Flag flag;
    if (kind == "co-launched") {
      flag.kind = FlagKind::co_launched;
    } else if (kind == "confounded") {
      flag.kind = FlagKind::confounded;
    } else {
      fail(line_number, "unknown flag `" + kind + "` in `" + std::string(item) + "`" + usage);
    }
    const std::vector<std::string_view> pair = split(trim(item.substr(0, space)), ",");
    if (pair.size() != 2) {
      fail(line_number, "the flag `" + std::string(item) + "` must name exactly two nodes" + usage);
    }
    flag.first = node_index(line_number, trim(pair[0]), "Flags");
    flag.second = node_index(line_number, trim(pair[1]), "Flags");
    if (flag.first == flag.second) {
      fail(line_number, "the flag `" + std::string(item) + "` names the same node twice");
    }
    return flag;
  }

  const std::string& origin_;
  Dag dag_;
  TableState table_state_ = TableState::none;
  std::size_t column_count_ = 3;
  int table_line_ = 0;
  std::optional<PendingLine> edges_line_;
  std::optional<PendingLine> flags_line_;
};

}  // namespace

Dag parse_dag_markdown(std::string_view text, const std::string& origin) {
  return MarkdownParser(origin).parse(text);
}

std::string to_markdown(const Dag& dag) {
  std::string text = dag.has_role_column ? "| Node | Variable | Source | Role |\n|---|---|---|---|\n"
                                         : "| Node | Variable | Source |\n|---|---|---|\n";
  for (const Node& node : dag.nodes) {
    text += "| " + node.id + " | " + node.variable + " | " + node.source + " |";
    if (dag.has_role_column) {
      text += " ";
      text += to_string(node.role);
      text += " |";
    }
    text += "\n";
  }
  text += "\nEdges: ";
  if (dag.edges.empty()) text += "none";
  for (std::size_t i = 0; i < dag.edges.size(); ++i) {
    if (i > 0) text += ", ";
    text += dag.nodes[dag.edges[i].from].id + "→" + dag.nodes[dag.edges[i].to].id;
  }
  text += "\nFlags: ";
  if (dag.flags.empty()) text += "none";
  for (std::size_t i = 0; i < dag.flags.size(); ++i) {
    const Flag& flag = dag.flags[i];
    if (i > 0) text += "; ";
    const std::string& first = dag.nodes[flag.first].id;
    const std::string& second = dag.nodes[flag.second].id;
    text += first;
    if (flag.kind == FlagKind::part_of) {
      text += " part-of ";
      text += second;
    } else {
      text += ",";
      text += second;
      text += " ";
      text += to_string(flag.kind);
    }
  }
  text += "\n";
  return text;
}

}  // namespace cerebro::causal

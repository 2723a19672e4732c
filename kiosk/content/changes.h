// Event-day changes: changes.csv marks talks delayed, cancelled or moved to another room without
// touching programme.csv or an imported schedule. Applied to the talks after the programme is read;
// the format is documented in content/README.md ("changes.csv").
#pragma once

#include "content/diagnostics.h"
#include "content/loader.h"

#include <string>

namespace ww {

extern const char* const kChangesFile; // "changes.csv"

// Reads changes.csv from the content folder, if there is one, and applies it to c.model.talks.
// Rooms (venue.toml) and talks (programme.csv or the import) must have been read before.
void loadChanges(const std::string& dir, LoadedContent& c, Diagnostics& diags);

// The same for the file's bytes (tests, and the loader after reading the file).
void applyChanges(const std::string& csv_bytes, LoadedContent& c, Diagnostics& diags);

} // namespace ww

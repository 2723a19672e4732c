// Reads a staff content folder (TOML settings, CSV lists, image folders) into the content model.
// Every problem is reported with its file and line; reading goes on after a problem so that staff
// see all of them at once. The format is documented in content/README.md.
#pragma once

#include "content/diagnostics.h"
#include "content/images.h"
#include "core/model.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace ww {

// Where a record was written, so later checks can point at it.
struct SourceRef {
    std::string file;
    int line = 0;
};

// An image file the content refers to, and the key it will have in the database.
struct ImageSource {
    std::string key;     // e.g. "photo/eroeffnung-01"; the thumbnail is key + "@thumb"
    std::string path;    // relative to the content folder, as staff wrote it
    ImageRole role = ImageRole::Photo;
    SourceRef ref;       // the line that names the file
};

struct LoadedContent {
    Model model;
    std::vector<ImageSource> images;
    // "<kind>:<id>" → where it was defined, e.g. "stand:B12", "talk:t01", "room:saal".
    std::map<std::string, SourceRef> origin;
    // Every input file (relative path), for the content version.
    std::vector<std::string> files;
    // Files that could not be read or parsed. Checks that need their records are skipped, so staff
    // see the cause and not a cascade of "unknown …" that follows from it.
    std::set<std::string> failed_files;
    bool readable(const std::string& file) const { return failed_files.count(file) == 0; }

    SourceRef where(const std::string& kind, const std::string& id) const;
};

// The files a content folder consists of.
extern const char* const kEventFile;
extern const char* const kVenueFile;
extern const char* const kTopicsFile;
extern const char* const kGalleriesFile;
extern const char* const kExhibitorsFile;
extern const char* const kStandsFile;
extern const char* const kProgrammeFile;
extern const char* const kPhotosFile;

// Reads and parses every file; syntax, missing fields, bad values and duplicate ids go to `diags`.
// Cross-references and geometry are checked afterwards by validateContent().
LoadedContent loadContent(const std::string& dir, Diagnostics& diags);

// Counts Unicode code points in UTF-8 text (what a visitor sees as length).
size_t utf8Length(const std::string& s);

} // namespace ww

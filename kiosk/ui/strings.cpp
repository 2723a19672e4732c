// The strings table. German first; typography matters: „…“, – for ranges, real umlauts.
#include "ui/strings.h"

#include <cstdarg>
#include <cstdio>

namespace ww {

namespace {

struct Entry {
    S id;
    const char* de;
    const char* en;
};

// Order must follow the enumeration; stringsComplete() checks it.
const Entry kStrings[] = {
    {S::Home, "Start", "Home"},
    {S::Back, "Zurück", "Back"},
    {S::Map, "Lageplan", "Floor plan"},
    {S::Exhibitors, "Aussteller", "Exhibitors"},
    {S::Program, "Programm", "Programme"},
    {S::Photos, "Fotos", "Photos"},
    {S::Search, "Suche", "Search"},
    {S::Accessibility, "Barrierefreiheit", "Accessibility"},
    {S::Language, "Sprache", "Language"},
    {S::MapHint, "Hallen, Stände, Räume und Service", "Halls, stands, rooms and services"},
    {S::ExhibitorsHint, "Die Fachausstellung von A bis Z", "The exhibition from A to Z"},
    {S::ProgramHint, "Vorträge und Impulse des Tages", "Today’s talks and impulses"},
    {S::PhotosHint, "Bilder vom Forum", "Pictures of the forum"},
    {S::SearchHint, "Aussteller, Vorträge, Räume finden", "Find exhibitors, talks, rooms"},
    {S::TapToStart, "Tippen Sie auf eine Kachel, um zu beginnen.", "Tap a tile to begin."},
    {S::NowOnStage, "Jetzt im Programm", "Now on stage"},
    {S::UpNext, "Als Nächstes", "Up next"},
    {S::Now, "Jetzt", "Now"},
    {S::NothingNow, "Gerade läuft kein Vortrag.", "No talk is running right now."},
    {S::ProgramStartsOn, "Das Programm beginnt am %s.", "The programme starts on %s."},
    {S::ProgramOver, "Das Programm ist für heute beendet.", "Today’s programme has ended."},
    {S::FromTo, "%s–%s Uhr", "%s–%s"},
    {S::Level, "Ebene", "Level"},
    {S::YouAreHere, "Sie sind hier", "You are here"},
    {S::Stand, "Stand", "Stand"},
    {S::Room, "Raum", "Room"},
    {S::ZoomIn, "Vergrößern", "Zoom in"},
    {S::ZoomOut, "Verkleinern", "Zoom out"},
    {S::ResetView, "Ganze Ebene", "Whole level"},
    {S::ViewExhibitor, "Zum Aussteller", "View exhibitor"},
    {S::OnNow, "Jetzt", "Now"},
    {S::Next, "Danach", "Next"},
    {S::NothingOnHere, "Hier ist heute nichts mehr geplant.", "Nothing more is planned here today."},
    {S::MapTapHint, "Tippen Sie auf einen Stand, einen Raum oder ein Symbol.",
     "Tap a stand, a room or a symbol."},
    {S::VacantStand, "Dieser Stand ist nicht belegt.", "This stand is vacant."},
    {S::ShowOnMap, "Auf dem Plan zeigen", "Show on floor plan"},
    {S::Place, "Ort", "Place"},
    {S::ExhibitorCount, "%d Aussteller", "%d exhibitors"},
    {S::Stands, "Stände", "Stands"},
    {S::Topics, "Themen", "Topics"},
    {S::Website, "Website", "Website"},
    {S::Talks, "Vorträge", "Talks"},
    {S::Contact, "Kontakt", "Contact"},
    {S::Today, "Heute", "Today"},
    {S::NoTalksThisDay, "An diesem Tag sind keine Vorträge geplant.", "No talks are planned on this day."},
    {S::RunningNow, "Läuft gerade", "On now"},
    {S::Finished, "Vorbei", "Finished"},
    {S::Speakers, "Vortragende", "Speakers"},
    {S::TalkLanguage, "Sprache", "Language"},
    {S::LangGerman, "Deutsch", "German"},
    {S::LangEnglish, "Englisch", "English"},
    {S::KindTalk, "Vortrag", "Talk"},
    {S::KindKeynote, "Keynote", "Keynote"},
    {S::KindImpulse, "Impuls", "Impulse"},
    {S::KindPanel, "Podium", "Panel"},
    {S::KindWorkshop, "Workshop", "Workshop"},
    {S::KindBreak, "Pause", "Break"},
    {S::TalkCount, "%d Programmpunkte", "%d sessions"},
    {S::Abstract, "Worum es geht", "About this session"},
    {S::Galleries, "Galerien", "Galleries"},
    {S::PhotoCount, "%d Fotos", "%d photos"},
    {S::PhotoOf, "Foto %d von %d", "Photo %d of %d"},
    {S::NextPhoto, "Nächstes Foto", "Next photo"},
    {S::PreviousPhoto, "Vorheriges Foto", "Previous photo"},
    {S::Gallery, "Galerie", "Gallery"},
    {S::NoPhotos, "Noch keine Fotos.", "No photos yet."},
    {S::SearchPrompt, "Suchbegriff eingeben …", "Type to search …"},
    {S::NoResults, "Keine Treffer für „%s“.", "No results for “%s”."},
    {S::ResultCount, "%d Treffer", "%d results"},
    {S::Space, "Leerzeichen", "Space"},
    {S::Delete, "Löschen", "Delete"},
    {S::Clear, "Alles löschen", "Clear"},
    {S::Rooms, "Räume", "Rooms"},
    {S::Places, "Orte", "Places"},
    {S::SearchTypeMore, "Tippen Sie einen Namen, ein Thema oder eine Standnummer.",
     "Type a name, a topic or a stand number."},
    {S::TextSize, "Textgröße", "Text size"},
    {S::HighContrast, "Hoher Kontrast", "High contrast"},
    {S::LowReach, "Bedienung unten", "Low reach"},
    {S::LowReachHint, "Alle Bedienelemente im unteren Bildschirmbereich, z. B. im Rollstuhl.",
     "All controls in the lower part of the screen, e.g. from a wheelchair."},
    {S::On, "Ein", "On"},
    {S::Off, "Aus", "Off"},
    {S::A11yIntro, "Passen Sie die Anzeige an. Nach dem Besuch wird alles zurückgesetzt.",
     "Adjust the display. Everything is reset after your visit."},
    {S::LowReachBanner, "Bedienung unten ist eingeschaltet.", "Low reach mode is on."},
    {S::StillThere, "Sind Sie noch da?", "Still there?"},
    {S::ResetsIn, "In %d Sekunden beginnt die Anzeige von vorn.", "The screen starts over in %d seconds."},
    {S::Continue, "Weiter benutzen", "Continue"},
    {S::Preparing, "Inhalte werden vorbereitet", "Content is being prepared"},
    {S::PreparingHint, "Der Wegweiser ist gleich für Sie da.", "The guide will be ready in a moment."},
    {S::RetryIn, "Nächster Versuch in %d s", "Next attempt in %d s"},
    {S::RetryNow, "Jetzt versuchen", "Try now"},
    {S::PoiToilet, "WC", "Toilets"},
    {S::PoiAccessibleToilet, "Barrierefreies WC", "Accessible toilet"},
    {S::PoiLift, "Aufzug", "Lift"},
    {S::PoiStairs, "Treppe", "Stairs"},
    {S::PoiEscalator, "Rolltreppe", "Escalator"},
    {S::PoiExit, "Ausgang", "Exit"},
    {S::PoiInfoDesk, "Information", "Information"},
    {S::PoiCloakroom, "Garderobe", "Cloakroom"},
    {S::PoiCatering, "Catering", "Catering"},
    {S::PoiFirstAid, "Erste Hilfe", "First aid"},
    {S::Monday, "Montag", "Monday"},
    {S::Tuesday, "Dienstag", "Tuesday"},
    {S::Wednesday, "Mittwoch", "Wednesday"},
    {S::Thursday, "Donnerstag", "Thursday"},
    {S::Friday, "Freitag", "Friday"},
    {S::Saturday, "Samstag", "Saturday"},
    {S::Sunday, "Sonntag", "Sunday"},
    {S::January, "Januar", "January"},
    {S::February, "Februar", "February"},
    {S::March, "März", "March"},
    {S::April, "April", "April"},
    {S::May, "Mai", "May"},
    {S::June, "Juni", "June"},
    {S::July, "Juli", "July"},
    {S::August, "August", "August"},
    {S::September, "September", "September"},
    {S::October, "Oktober", "October"},
    {S::November, "November", "November"},
    {S::December, "Dezember", "December"},
    {S::OClock, "Uhr", ""},
    {S::ViewNow, "Jetzt & danach", "Now & next"},
    {S::ViewTimeline, "Zeitplan", "Timeline"},
    {S::ViewList, "Liste", "List"},
    {S::Filter, "Filter", "Filter"},
    {S::FilterActive, "Filter (%d)", "Filter (%d)"},
    {S::FilterClear, "Alle zeigen", "Show all"},
    {S::Topic, "Thema", "Topic"},
    {S::ProgramChanges, "Programmänderungen", "Programme changes"},
    {S::ChangeCount, "Änderungen (%d)", "Changes (%d)"},
    {S::ChangesHint, "Verspätungen, Absagen und Raumwechsel", "Delays, cancellations and room changes"},
    {S::NoChanges, "An diesem Tag gibt es keine Programmänderungen.", "There are no programme changes on this day."},
    {S::ShownOf, "%d von %d Programmpunkten", "%d of %d sessions"},
    {S::NoMatch, "Kein Programmpunkt passt zu diesen Filtern.", "No session matches these filters."},
    {S::PlannedTime, "Geplant war %s", "Planned for %s"},
    {S::MovedFrom, "Ursprünglich in %s", "Originally in %s"},
    {S::Minutes, "%d Min.", "%d min"},
    {S::NoMoreToday, "Heute folgt hier nichts mehr.", "Nothing more here today."},
    {S::StartsIn, "Beginnt %s", "Starts %s"},
    {S::AllTopics, "Alle Themen", "All topics"},
    {S::NoExhibitorsForTopics, "Zu diesen Themen stellt niemand aus.", "Nobody exhibits on these topics."},
    {S::RouteThere, "Weg dorthin", "Route there"},
    {S::ScanWebsite, "Website mit dem Handy scannen", "Scan for the website"},
    {S::Email, "E-Mail", "Email"},
    {S::Phone, "Telefon", "Phone"},
    {S::HideKeyboard, "Ausblenden", "Hide"},
    {S::ShowKeyboard, "Tastatur", "Keyboard"},
    {S::TryTopics, "Vielleicht hilft ein Thema weiter:", "Perhaps a topic helps:"},
    {S::TopicCounts, "%d Aussteller · %d Vorträge", "%d exhibitors · %d talks"},
    {S::TalksBy, "%d Vorträge", "%d talks"},
    {S::SpeakerOf, "Vortrag: %s", "Talk: %s"},
    {S::CloseViewer, "Schließen", "Close"},
    {S::CaptionToggle, "Bildtext ein- oder ausblenden", "Show or hide the caption"},
    {S::PhotoUnavailable, "Foto nicht verfügbar", "Photo not available"},
    {S::StaffPin, "Personal-PIN", "Staff PIN"},
    {S::StaffPinHint, "PIN eingeben und mit „OK“ bestätigen", "Enter the PIN and confirm with “OK”"},
    {S::StaffPinWrong, "Falsche PIN – noch %d Versuche", "Wrong PIN – %d attempts left"},
    {S::StaffLocked, "Zu viele Fehlversuche – gesperrt für %d s", "Too many wrong PINs – locked for %d s"},
    {S::StaffNoPin, "Keine PIN eingerichtet: pin_hash in kiosk.toml setzen (wegweiser --hash-pin)",
     "No PIN set up: add pin_hash to kiosk.toml (wegweiser --hash-pin)"},
    {S::Cancel, "Abbrechen", "Cancel"},
    {S::StaffMenu, "Personalmenü", "Staff menu"},
    {S::StaffKiosk, "Kiosk", "Kiosk"},
    {S::StaffContent, "Inhaltsstand", "Content version"},
    {S::StaffDatabase, "Datenbank", "Database"},
    {S::StaffUptime, "Laufzeit", "Uptime"},
    {S::StaffLastReload, "Letztes Laden", "Last reload"},
    {S::StaffReload, "Inhalte neu laden", "Reload content"},
    {S::StaffTestPattern, "Touch-Test", "Touch test"},
    {S::StaffTestHint, "Tippen Sie auf die Kreuze: jeder Punkt zeigt, wo die Berührung ankam.",
     "Tap the crosses: each dot shows where the touch landed."},
    {S::StaffExit, "Programm beenden", "Exit the program"},
    {S::StaffClose, "Schließen", "Close"},
    {S::StaffSoftware, "Software", "Software"},
    {S::StaffSettings, "Einstellungen", "Settings"},
    {S::Closed, "Geschlossen", "Closed"},
    {S::OpensAt, "Wieder geöffnet %s", "Open again %s"},
    {S::ClosedTouch, "Bildschirm berühren, um den Wegweiser zu nutzen", "Touch the screen to use the guide"},
    {S::ClosedNoOpening, "Die Veranstaltung ist beendet.", "The event has ended."},
    {S::RouteTo, "Weg zu %s", "Route to %s"},
    {S::RouteDistance, "%d m", "%d m"},
    {S::RouteWalk, "ca. %d Min. zu Fuß", "about %d min walk"},
    {S::RouteStepFree, "Stufenlos", "Step-free"},
    {S::RouteNextLevel, "Weiter: %s", "Next: %s"},
    {S::RoutePrevLevel, "Zurück: %s", "Back: %s"},
    {S::RouteClear, "Weg schließen", "Close route"},
    {S::RoutePart, "Abschnitt %d von %d", "Part %d of %d"},
    {S::RouteNoWay, "Kein Weg gefunden", "No route found"},
    {S::RouteDestination, "Ziel", "Destination"},
    {S::MapNorth, "N", "N"},
    {S::ReducedMotion, "Bewegung reduzieren", "Reduce motion"},
    {S::ReducedMotionHint, "Keine Animationen: Listen, Bilder und Plan wechseln ohne Übergang.",
     "No animation: lists, pictures and the plan change without transitions."},
    {S::SpeechOutput, "Sprachausgabe", "Speech output"},
    {S::SpeechHint, "Liest Bildschirmtitel und Ihre Auswahl vor, auf Deutsch oder Englisch.",
     "Reads out screen titles and what you select, in German or English."},
    {S::SpeechVolume, "Lautstärke", "Volume"},
    {S::VolumeQuiet, "Leise", "Quiet"},
    {S::VolumeMedium, "Mittel", "Medium"},
    {S::VolumeLoud, "Laut", "Loud"},
    {S::SpeakStand, "Stand %s", "Stand %s"},
    {S::SpeakStands, "Stände %s", "Stands %s"},
    {S::SpeakTalkTime, "%s bis %s Uhr", "%s to %s"},
    {S::SpeakCancelled, "Abgesagt", "Cancelled"},
    {S::SpeakDelayed, "%d Minuten später", "%d minutes late"},
    {S::SpeakMovedTo, "Verlegt nach %s", "Moved to %s"},
    {S::SpeakNowIn, "Jetzt: %s", "Now: %s"},
    {S::SpeakVacant, "nicht belegt", "vacant"},
    {S::HighContrastHint, "Stärkere Farbunterschiede und kräftige Umrisse, z. B. bei Sehschwäche.",
     "Stronger colour differences and bold outlines, e.g. for low vision."},
    {S::MapZoomHere, "Plan hier vergrößern", "Zoom in here"},
    {S::MapTapHintZoom, "Tippen Sie auf den Plan, um ihn dort zu vergrößern, dann auf einen Stand, einen Raum oder ein Symbol.",
     "Tap the plan to zoom in there, then tap a stand, a room or a symbol."},
    {S::SlideshowPause, "Diashow anhalten", "Pause slideshow"},
    {S::SlideshowPauseShort, "Anhalten", "Pause"},
    {S::SlideshowPlay, "Diashow abspielen", "Play slideshow"},
    {S::SlideshowPlayShort, "Abspielen", "Play"},
    {S::SpeechOnHelp,
     "Sprachausgabe ist eingeschaltet. Tippen Sie einmal, um zu hören, was unter Ihrem Finger liegt, und zweimal, "
     "um es zu wählen. Zum Ausschalten wieder drei Sekunden halten.",
     "Speech output is on. Tap once to hear what is under your finger, and twice to choose it. To switch it off, "
     "hold for three seconds again."},
    {S::SpeechOffSpoken, "Sprachausgabe ist ausgeschaltet.", "Speech output is off."},
    {S::SpeechHoldHint,
     "Ohne Hinsehen: einen Finger drei Sekunden lang irgendwo auf den Bildschirm halten. Mit Sprachausgabe wählt "
     "erst ein zweites Tippen.",
     "Without looking: hold one finger anywhere on the screen for three seconds. With speech on, a second tap "
     "chooses."},
};

static_assert(sizeof kStrings / sizeof kStrings[0] == static_cast<size_t>(S::Count_),
              "every string id needs exactly one entry in kStrings");

} // namespace

const char* tr(S id, Lang lang) {
    const Entry& e = kStrings[static_cast<size_t>(id)];
    return lang == Lang::En ? e.en : e.de;
}

std::string fmt(S id, Lang lang, ...) {
    char buf[512];
    va_list args;
    va_start(args, lang);
    vsnprintf(buf, sizeof buf, tr(id, lang), args);
    va_end(args);
    return buf;
}

bool stringsComplete(std::string* missing) {
    for (size_t i = 0; i < static_cast<size_t>(S::Count_); ++i) {
        const Entry& e = kStrings[i];
        // "Uhr" has no English counterpart ("14:00" reads as a time on its own).
        const bool en_may_be_empty = e.id == S::OClock;
        if (static_cast<size_t>(e.id) != i || !e.de[0] || (!e.en[0] && !en_may_be_empty)) {
            if (missing) *missing = "string #" + std::to_string(i) + " (" + e.de + ")";
            return false;
        }
    }
    return true;
}

} // namespace ww

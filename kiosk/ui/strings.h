// Every visitor-facing text of the kiosk's chrome in German and English. Content text (names, titles,
// abstracts) comes from the database; this table holds the words around it.
#pragma once

#include "core/model.h"

#include <string>

namespace ww {

enum class S {
    // Screens and navigation
    Home, Back, Map, Exhibitors, Program, Photos, Search, Accessibility, Language,
    MapHint, ExhibitorsHint, ProgramHint, PhotosHint, SearchHint,
    TapToStart,
    // Home
    NowOnStage, UpNext, Now, NothingNow, ProgramStartsOn, ProgramOver, FromTo,
    // Map
    Level, YouAreHere, Stand, Room, ZoomIn, ZoomOut, ResetView, ViewExhibitor, OnNow, Next,
    NothingOnHere, MapTapHint, VacantStand, ShowOnMap, Place,
    // Exhibitors
    ExhibitorCount, Stands, Topics, Website, Talks, Contact,
    // Programme
    Today, NoTalksThisDay, RunningNow, Finished, Speakers, TalkLanguage, LangGerman, LangEnglish,
    KindTalk, KindKeynote, KindImpulse, KindPanel, KindWorkshop, KindBreak, TalkCount, Abstract,
    // Photos
    Galleries, PhotoCount, PhotoOf, NextPhoto, PreviousPhoto, Gallery, NoPhotos,
    // Search
    SearchPrompt, NoResults, ResultCount, Space, Delete, Clear, Rooms, Places, SearchTypeMore,
    // Accessibility
    TextSize, HighContrast, LowReach, LowReachHint, On, Off, A11yIntro, LowReachBanner,
    // Idle
    StillThere, ResetsIn, Continue,
    // Waiting for content
    Preparing, PreparingHint, RetryIn, RetryNow,
    // Points of interest
    PoiToilet, PoiAccessibleToilet, PoiLift, PoiStairs, PoiEscalator, PoiExit, PoiInfoDesk, PoiCloakroom,
    PoiCatering, PoiFirstAid,
    // Calendar
    Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday,
    January, February, March, April, May, June, July, August, September, October, November, December,
    OClock,
    // Programme: views, filters, event-day changes
    ViewNow, ViewTimeline, ViewList, Filter, FilterActive, FilterClear, Topic, ProgramChanges, ChangeCount,
    ChangesHint, NoChanges, ShownOf, NoMatch, PlannedTime, MovedFrom, Minutes, NoMoreToday, StartsIn,
    // Exhibitors and search
    AllTopics, NoExhibitorsForTopics, RouteThere, ScanWebsite, Email, Phone, HideKeyboard, ShowKeyboard,
    TryTopics, TopicCounts, TalksBy, SpeakerOf,
    // Photo viewer
    CloseViewer, CaptionToggle, PhotoUnavailable,
    // Staff menu and closed screen
    StaffPin, StaffPinHint, StaffPinWrong, StaffLocked, StaffNoPin, Cancel, StaffMenu, StaffKiosk,
    StaffContent, StaffDatabase, StaffUptime, StaffLastReload, StaffReload, StaffTestPattern, StaffTestHint,
    StaffExit, StaffClose, StaffSoftware, StaffSettings, Closed, OpensAt, ClosedTouch, ClosedNoOpening,
    // Floor plan: routes
    RouteTo, RouteDistance, RouteWalk, RouteStepFree, RouteNextLevel, RoutePrevLevel, RouteClear, RoutePart,
    RouteNoWay, RouteDestination, MapNorth,
    // Accessibility: reduced motion and speech output
    ReducedMotion, ReducedMotionHint, SpeechOutput, SpeechHint, SpeechVolume, VolumeQuiet, VolumeMedium,
    VolumeLoud, SpeakStand, SpeakStands, SpeakTalkTime, SpeakCancelled, SpeakDelayed, SpeakMovedTo, SpeakNowIn,
    SpeakVacant, HighContrastHint,
    MapZoomHere, MapTapHintZoom,
    // Slideshow pause (WCAG 2.2.2) and speech output without sight (EN 301 549 5.2)
    SlideshowPause, SlideshowPauseShort, SlideshowPlay, SlideshowPlayShort, SpeechOnHelp, SpeechOffSpoken,
    SpeechHoldHint, StaffKioskFirst, StaffSettingsNone,
    Count_ // keep last
};

const char* tr(S id, Lang lang);
// printf-style formatting of a translated pattern, e.g. fmt(S::PhotoOf, lang, 3, 12).
std::string fmt(S id, Lang lang, ...);

// For checks: the German and English entry of every id exist and are not empty.
bool stringsComplete(std::string* missing);

} // namespace ww

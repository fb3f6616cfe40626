topic medtop:20001065
5 soccer
4 football club
4 premier league
4 champions league
4 bundesliga
4 la liga
4 serie a
4 ligue 1
4 fifa
4 uefa
4 striker
4 midfielder
4 goalkeeper
2 penalty
4 manchester united
3 chelsea
2 arsenal
3 liverpool
4 real madrid
3 barcelona
4 juventus
2 bayern
4 euro 2004
4 fußball
4 fútbol
# Issue #6: an arsenal of weapons is not the club.
-4 nuclear arsenal
-4 arsenal of
-4 weapons arsenal
-4 chemical arsenal
-4 military arsenal

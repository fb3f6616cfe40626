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
4 chelsea
4 arsenal
4 liverpool
4 real madrid
4 barcelona
4 juventus
4 bayern
4 euro 2004
4 fußball
4 fútbol

topic medtop:20001131
4 weather warning
4 storm warning
4 flood warning
4 hurricane warning
4 tornado warning
4 red alert
4 amber warning

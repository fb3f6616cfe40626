topic medtop:20000143
4 plane crash
4 air crash
4 crash landed
4 train crash
4 derailed
4 derailment
4 car crash
4 road accident
4 traffic accident
4 bus crash
4 ferry
4 capsized
4 shipwreck
4 collision
3 black box
3 flight recorder
3 crash site

# Disaster, accident and emergency incident.
topic medtop:03000000
3 disaster
3 catastrophe
3 emergency
3 state of emergency
3 rescue
3 rescuer
3 rescue worker
3 search and rescue
3 survivor
3 death toll
3 killed
2 dead
2 injured
2 wounded
2 missing
3 victims
3 casualties
3 evacuated
3 evacuation
3 evacuee
3 relief
3 aid worker
3 humanitarian aid
3 red cross
3 red crescent
3 collapsed
3 collapse
3 rubble
3 debris
3 devastated
3 devastation
3 destroyed
3 homeless
3 displaced
3 tragedy
3 accident
3 crash
3 crashed
3 explosion
3 blast
3 leak
3 spill
3 oil spill
3 chemical leak
3 mine accident
3 miners trapped
3 trapped
3 sank
3 stampede
3 fema
# German, French, Spanish
3 katastrophe
3 unglück
3 catastrophe naturelle
3 accidente
3 desastre
-2 crash course
-2 market crash
-2 stock market crash
-2 computer crash

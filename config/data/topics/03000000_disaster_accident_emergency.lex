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
3 emergency services
3 emergency crews
3 first responders
3 rescue teams
3 rescue operation
3 rescue efforts
3 search teams
3 sniffer dogs
3 body bags
3 bodies recovered
3 bodies were
3 mass grave
3 aid agencies
3 aid convoy
3 relief supplies
3 relief efforts
3 relief operation
3 field hospital
3 temporary shelters
1 tents
3 disaster zone
3 disaster area
3 hardest hit
3 hard hit
1 damage
1 damaged
3 swept away
3 washed away
3 submerged
3 inundated
3 flattened
3 toppled
3 gas explosion
3 gas leak
1 boiler
3 mine collapse
3 building collapse
3 bridge collapse
3 dam burst
3 dam collapse
3 levee
3 sinkhole
3 crane collapse
3 fire broke out
3 engulfed
3 charred
3 toxic smoke
3 poisoning
3 carbon monoxide
3 train derailment
3 level crossing
3 head on collision
3 pile up
1 overturned
1 plunged
3 ravine
3 emergency landing
1 runway
3 air traffic control
3 coast guard
3 coastguard
3 lifeboat
3 missing at sea
3 drowned
3 drowning
# Issue #6: wire phrasing of accidents ("..., killing 23").
2 killing
3 bus accident
3 ferry disaster
3 lost control
3 swerved
3 collided
# Issue #6: relief, emergencies and collapses of other beats.
-3 tax relief
-3 debt relief
-3 pain relief
-3 relief pitcher
-3 relief rally
-2 sigh of relief
-3 emergency meeting
-3 emergency session
-3 emergency talks
-3 emergency summit
-3 emergency rate cut
-3 collapse of talks
-3 price collapse
-3 spill over
-3 news leak
# Issue #6 (lex): a cricket side's collapse.
-3 batting collapse

# Crime, law and justice.
topic medtop:02000000
2 crime
3 criminal
2 law
2 lawsuit
2 sued
2 sue
2 legal
3 lawyer
3 attorney
3 attorney general
2 justice
3 justice department
3 department of justice
3 prosecutor
3 prosecution
3 prosecuted
3 charged with
3 indicted
3 indictment
3 plead guilty
3 pleaded guilty
3 pleaded not guilty
3 guilty
3 acquitted
3 convicted
3 conviction
3 sentenced
3 sentence
4 prison sentence
3 prison
3 jail
3 jailed
3 inmate
2 parole
3 death penalty
3 execution
2 fine
2 fined
3 verdict
3 jury
2 judge
3 trial
3 testimony
3 testified
3 witness
3 defendant
2 plaintiff
2 settlement
2 appeal
3 supreme court
2 court
2 ruling
2 ruled
2 alleged
2 allegation
2 investigation
2 investigator
3 suspect
3 police
3 officer
3 detective
3 arrest
3 arrested
3 custody
3 fbi
2 scotland yard
3 extradition
3 extradited
3 warrant
3 murdered
3 killed
3 kill
3 killing
3 shooting
2 gunman
2 stabbing
3 stabbed
3 robbery
3 theft
3 stolen
3 burglary
3 kidnapping
3 kidnapped
3 abducted
3 hostage
3 money laundering
3 drug trafficking
3 cartel
3 smuggling
3 smuggler
3 gang
3 mafia
3 assault
3 rape
3 sexual assault
2 abuse
3 child abuse
2 victim
3 forensic
3 piracy
3 counterfeit
2 illegal
2 unlawful
2 violated
2 violation
2 probe
2 crackdown
2 felony
2 misdemeanor
2 convict
# German, French, Spanish
3 polizei
3 gericht
3 festgenommen
3 police judiciaire
3 tribunal
3 procès
3 policía
3 detenido
3 juicio
-2 court of arbitration for sport
-2 penalty kick
-2 penalty shootout
3 crime scene
3 criminal investigation
3 criminal case
3 criminal charges
1 charges
1 charged
3 accused
3 the accused
3 suspected
3 police say
3 sheriff s office
3 detention
3 remanded
3 bail
3 court hearing
3 magistrate
3 crown court
3 prosecutors said
3 district attorney
3 public prosecutor
3 state prosecutor
3 defence lawyer
3 defense attorney
3 legal team
3 class action
1 damages
3 injunction
3 ruling on
3 judgment
3 judgement
3 court of appeal
3 sentencing
3 life sentence
3 life imprisonment
3 years in prison
3 years in jail
3 behind bars
3 prisoners
3 prison guards
3 penitentiary
3 death row
3 executed
3 gunfire
1 shot
3 shots fired
3 gun violence
3 firearm
1 knife
3 knife attack
3 domestic abuse
3 assaulted
3 burglar
3 thieves
3 looting
3 looters
3 vandalism
3 arsonist
3 fraudster
3 con man
3 scam artist
3 laundering
3 trafficking
3 trafficked
3 drug dealer
3 narcotics
3 cocaine
3 heroin
3 methamphetamine
3 fentanyl
1 seized
1 seizure
3 contraband
3 interpol
3 europol
3 police chief
3 homicide detective
3 cold case
3 missing person
3 body found
3 victim s family
3 crime rate
3 organised crime
3 organized crime
# Issue #6: trials that are not court cases.
-3 clinical trial
-3 drug trial
-3 vaccine trial
-3 trial results
-3 trial run
-3 field trial
-3 time trial

# Health.
topic medtop:07000000
4 health
4 healthcare
4 health care
4 medical
4 medicine
4 doctor
4 physician
4 nurse
4 hospital
4 patient
4 clinic
4 disease
4 illness
3 infected
3 virus
4 vaccinated
4 immunization
4 covid 19
4 polio
4 tumor
4 tumour
4 heart attack
4 mental health
3 depression
3 symptoms
3 diagnosis
3 diagnosed
3 surgeon
2 drug
3 prescription
4 fda
4 food and drug administration
4 world health organization
4 cdc
4 centers for disease control
3 public health
3 pharmaceutical
3 drugmaker
3 smoking
3 tobacco
3 cigarette
3 diet
3 nutrition
3 fitness
3 autism
3 blood pressure
3 cholesterol
3 antibiotic
3 gesundheit
3 krankenhaus
3 santé
3 hôpital
3 salud
-2 financial health
-2 economic health
-3 computer virus
-3 virus writer
-2 antivirus
-3 worm
3 medical device
3 healthcare system
3 health service
3 health officials
3 public health officials
3 infectious
3 contagious
3 epidemiologist
3 mortality
3 life expectancy
3 premature
3 pregnancy
3 pregnant
3 maternity
3 birth defects
3 asthma
3 allergy
3 arthritis
3 parkinson
3 sclerosis
3 leukemia
3 lymphoma
3 hepatitis
3 dengue
3 zika
3 mpox
3 monkeypox
3 anthrax
3 salmonella
3 e coli
3 food poisoning
3 opioid
3 overdose
3 painkillers
3 antidepressant
3 insulin
3 dosage
3 side effects
3 pharmacy
3 pharmacist
3 paramedic
3 ambulance
3 emergency room
3 intensive care
3 icu
3 ventilator
3 immunity
3 antibodies
3 medic
3 organ
3 kidney
3 liver
3 lung
3 brain
3 cardiac
3 hypertension
3 nutritionist
3 calories
3 sugar tax
3 smokers
3 vaping
3 e cigarette
3 alcohol consumption
3 mental illness
3 psychiatric
3 psychiatrist
3 therapist
3 anxiety
3 ptsd
3 wellbeing
3 well being
# Issue #6: a computer virus and a tropical depression are not health news.
-3 tropical depression
-3 great depression
-3 economic depression

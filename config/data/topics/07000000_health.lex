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
4 virus
4 vaccinated
4 immunization
4 covid 19
4 polio
4 tumor
4 tumour
4 heart attack
4 mental health
4 depression
3 symptoms
3 diagnosis
3 diagnosed
3 surgeon
3 drug
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

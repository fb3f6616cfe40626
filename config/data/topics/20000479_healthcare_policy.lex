topic medtop:20000479
4 health insurance
4 health care reform
4 healthcare reform
4 medicare
4 medicaid
4 nhs
4 obamacare
4 affordable care act
4 health ministry
4 health minister
4 health secretary

# The example tfvars' optional seed copy, turned on.
name                  = "plant-dev"
seed_bucket_name      = "plant-seed-files"
seed_prefix           = "metadata"
fsx_seed_subdirectory = "metadata"

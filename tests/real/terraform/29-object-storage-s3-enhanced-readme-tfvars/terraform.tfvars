# as the project's README tells the user to write it (copied from terraform.tfvars.example)
name  = "media-export"
stage = "dev"

gcs_bucket = "media-export-dev-source"

verify_mode            = "POINT_IN_TIME_CONSISTENT"
overwrite_mode         = "NEVER"
preserve_deleted_files = "PRESERVE"
log_level              = "BASIC"

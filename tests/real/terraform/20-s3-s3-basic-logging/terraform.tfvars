source_bucket    = "source-bucket-name"
source_directory = "/"

destination_bucket    = "destination-bucket-name"
destination_directory = "/"

tags = {
  "Environment" = "Production"
  "Function"    = "S3 Transfer"
  "Region"      = "eu-central-1"
  "Service"     = "AWS DataSync"
}

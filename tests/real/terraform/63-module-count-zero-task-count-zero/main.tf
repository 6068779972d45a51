# One switch per service in a catalogue of modules; DataSync is off unless
# create_datasync is set, and even then the call makes only an S3 location.

variable "create_datasync" {
  description = "Make the DataSync module"
  type        = bool
  default     = false
}

variable "datasync_create_s3_location" {
  description = "Make a DataSync S3 location"
  type        = bool
  default     = false
}

variable "datasync_s3_bucket_arn" {
  description = "Bucket for the DataSync S3 location"
  type        = string
  default     = null
}

module "transfer" {
  count  = var.create_datasync ? 1 : 0
  source = "./modules/datasync"

  create_s3_location = var.datasync_create_s3_location
  s3_bucket_arn      = var.datasync_s3_bucket_arn
}
